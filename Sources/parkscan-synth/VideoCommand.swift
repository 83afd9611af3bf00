import ArgumentParser
import DriveInput
import Foundation
import LiveInput

/// `parkscan-synth video DRIVE --camera right --out right.avi`: one camera of a recorded
/// drive as a Motion-JPEG AVI at the drive's frame rate, with its start in `right.avi.json`
/// (``VideoSidecar``), for testing and benchmarking `parkscan watch` on video files.
struct VideoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "video",
        abstract: "Turn one camera of a recorded drive into a video file (MJPG in AVI) with a start-time sidecar.",
        discussion: """
            A video has one frame rate, so the camera's frames must be evenly spaced: \
            generate the drive with `--recording continuous`. Frame i of the video is then \
            taken at start + i / fps, which `watch` reads back from the sidecar.
            """
    )

    @Argument(help: "The drive folder.")
    var drive: String

    @Option(help: "The camera (default: the drive's first).")
    var camera: String?

    @Option(help: "The video file to write (.avi).")
    var out: String

    @Option(help: "Only the first N frames of the camera.")
    var count: Int?

    @Option(help: ArgumentHelp("Write the frames evenly at this rate whatever their times (benchmarks only).",
                               discussion: "The video's clock then no longer matches the drive's GPS log."))
    var retime: Double?

    func run() throws {
        let folder: DriveFolder
        do { folder = try DriveFolder(path: drive) } catch { throw ValidationError(error.description) }
        guard let name = camera ?? folder.cameras.first?.name, folder.cameras.contains(where: { $0.name == name }) else {
            throw ValidationError("\(drive): no camera \(camera ?? "") (cameras: \(folder.cameras.map(\.name).joined(separator: ", ")))")
        }
        let frames = Array(folder.frames(of: name).prefix(count ?? Int.max))
        guard frames.count >= 2, let first = frames.first, let last = frames.last else {
            throw ValidationError("\(drive): camera \(name) has fewer than two frames")
        }
        let interval = retime.map { 1 / $0 } ?? last.time.timeIntervalSince(first.time) / Double(frames.count - 1)
        for (index, frame) in frames.enumerated() where retime == nil {
            let expected = first.time.addingTimeInterval(Double(index) * interval)
            guard abs(frame.time.timeIntervalSince(expected)) <= interval / 2 else {
                throw ValidationError("\(frame.path): taken at \(ISO8601Parsing.string(frame.time)), not on the camera's even "
                    + "frame clock (\(ISO8601Parsing.string(expected))): generate the drive with --recording continuous")
            }
        }
        let size = try imageSize(frames[0].path)
        let fps = 1 / interval
        do {
            let writer = try VideoWriter(path: out, framesPerSecond: fps, width: size.width, height: size.height)
            for frame in frames { try writer.append(imageAt: frame.path) }
            writer.finish()
            try VideoSidecar(start: first.time, fps: fps).write(forVideo: out)
        } catch let error as LiveSourceError {
            throw ValidationError(error.description)
        }
        print("\(out): \(frames.count) frames of \(name), \(size.width)x\(size.height) at \(String(format: "%.3f", fps)) fps, "
            + "from \(ISO8601Parsing.string(first.time)) (\(VideoSidecar.path(forVideo: out)))")
    }

    /// Width and height from a JPEG's start-of-frame or a PNG's header.
    private func imageSize(_ path: String) throws -> (width: Int, height: Int) {
        guard let bytes = FileManager.default.contents(atPath: path) else { throw ValidationError("\(path): cannot be read") }
        let b = [UInt8](bytes)
        if b.count > 24, b[0] == 0x89, b[1] == 0x50 {
            return (Int(b[16]) << 24 | Int(b[17]) << 16 | Int(b[18]) << 8 | Int(b[19]),
                    Int(b[20]) << 24 | Int(b[21]) << 16 | Int(b[22]) << 8 | Int(b[23]))
        }
        var at = 2
        while at + 9 < b.count, b[at] == 0xFF {
            let marker = b[at + 1]
            let length = Int(b[at + 2]) << 8 | Int(b[at + 3])
            if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
                return (Int(b[at + 7]) << 8 | Int(b[at + 8]), Int(b[at + 5]) << 8 | Int(b[at + 6]))
            }
            at += 2 + length
        }
        throw ValidationError("\(path): not a JPEG or PNG with a readable size")
    }
}
