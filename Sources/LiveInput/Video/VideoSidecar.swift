import Foundation

/// The wall-clock start of a recorded video, in `<video>.json` beside it:
/// `{"start": "2025-11-04T09:00:00.000Z", "fps": 25}`. A frame's time is `start` plus its
/// position in the stream. Written by `parkscan-synth video`; a camera recorder can write it too.
public struct VideoSidecar: Codable, Sendable, Equatable {
    public var start: Date
    public var fps: Double

    public init(start: Date, fps: Double) {
        self.start = start
        self.fps = fps
    }

    /// `video.avi` -> `video.avi.json`.
    public static func path(forVideo video: String) -> String { video + ".json" }

    /// The sidecar of `video`, nil when there is none.
    /// - Throws: ``LiveSourceError`` for a sidecar that is there but unreadable.
    public static func load(forVideo video: String) throws(LiveSourceError) -> VideoSidecar? {
        let path = path(forVideo: video)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .custom { decoder in
                let text = try decoder.singleValueContainer().decode(String.self)
                guard let date = ISO8601Parsing.date(text) else {
                    throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\"\(text)\" is not ISO 8601 with a zone"))
                }
                return date
            }
            return try decoder.decode(VideoSidecar.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw LiveSourceError("\(path): not a video sidecar ({\"start\": ISO 8601, \"fps\": number}): \(error)")
        }
    }

    public func write(forVideo video: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601Parsing.string(date))
        }
        try encoder.encode(self).write(to: URL(fileURLWithPath: Self.path(forVideo: video)))
    }
}

/// ISO 8601 times with a zone, with or without fractional seconds.
public enum ISO8601Parsing {
    public static func date(_ text: String) -> Date? {
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = fractional.date(from: text) { return date }
        return ISO8601DateFormatter().date(from: text)
    }

    public static func string(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
