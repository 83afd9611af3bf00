import PlateReading

/// The reads of one plate in consecutive frames of one camera, oldest first.
public struct PlateTrack: Sendable, Equatable {
    /// The reads, oldest first; never empty.
    public private(set) var observations: [PlateObservation]

    public init(_ first: PlateObservation) {
        observations = [first]
    }

    public var camera: String { observations[0].camera }
    public var firstFrameIndex: Int { observations[0].frameIndex }
    public var lastFrameIndex: Int { observations[observations.count - 1].frameIndex }
    var lastCameraFrameIndex: Int { observations[observations.count - 1].cameraFrameIndex }

    /// Reads whose frame image a track keeps at most (live frames): the surest read's, which
    /// evidence is cut from. A decoded 1080p frame is 6 MB (a Motion-JPEG one ~250 KB), a
    /// parked car is in view for 25-50 frames and several are in view at once (measured with
    /// decoded frames: 3 kept frames per track cost ~100 MB).
    static let framesKept = 1

    /// A read carried over from a sure track (``PlateRead/carried``) or cut by the frame's edge
    /// keeps its image only while the track has no whole read of the OCR's with one: evidence
    /// is cut from a frame the plate was read whole in.
    mutating func append(_ observation: PlateObservation) {
        observations.append(observation)
        let withPixels = observations.indices.filter { observations[$0].image != nil }
        if withPixels.count > Self.framesKept, let weakest = withPixels.min(by: { Self.keeps(observations[$1], over: observations[$0]) }) {
            observations[weakest].image = nil
        }
    }

    /// Whether `a`'s image is rather kept than `b`'s: a whole read of the OCR's over a carried
    /// or cut one (``PlateRead/isWholeReadByTheOCR``), then the more confident.
    private static func keeps(_ a: PlateObservation, over b: PlateObservation) -> Bool {
        let (wholeA, wholeB) = (a.read.isWholeReadByTheOCR, b.read.isWholeReadByTheOCR)
        return wholeA != wholeB ? wholeA : a.read.confidence > b.read.confidence
    }

    /// How far `observation`'s box is from where this track expects the plate (in box
    /// widths), or nil when it cannot be the same plate. See ``SightingTracker``.
    func distance(to observation: PlateObservation, maximumGap: Int) -> Double? {
        let last = observations[observations.count - 1]
        let frames = observation.cameraFrameIndex - last.cameraFrameIndex
        guard frames >= 1, frames <= maximumGap + 1 else { return nil }
        let textAgrees = observations.contains { Self.similar($0.read, observation.read) }
        // A plate the OCR garbles more than one character is still followed where it is
        // expected to be, closer in (at most 1.5 box widths off), as long as the texts share
        // most characters.
        let textRelated = textAgrees || observations.contains { Self.related($0.read, observation.read) }
        guard textRelated else { return nil }
        let box = observation.read.box, lastBox = last.read.box
        let sizeRatio = Double(max(1, box.width)) / Double(max(1, lastBox.width))
        guard sizeRatio >= 0.5, sizeRatio <= 2 else { return nil }
        var predicted = Self.centre(lastBox)
        var allowed = 4.0
        if observations.count >= 2 {
            let before = observations[observations.count - 2]
            let steps = Double(last.cameraFrameIndex - before.cameraFrameIndex)
            let previous = Self.centre(before.read.box)
            predicted.x += (predicted.x - previous.x) / steps * Double(frames)
            predicted.y += (predicted.y - previous.y) / steps * Double(frames)
            allowed = 2.0
        }
        let centre = Self.centre(box)
        let width = Double(max(box.width, lastBox.width, 1)), height = Double(max(box.height, lastBox.height, 1))
        let dx = abs(centre.x - predicted.x) / width
        let dy = abs(centre.y - predicted.y) / height
        guard dx <= (textAgrees ? allowed : min(allowed, 1.5)), dy <= 1.5 * Double(frames) else { return nil }
        return (dx * dx + (dy * height / width) * (dy * height / width)).squareRoot()
    }

    static func centre(_ box: PixelBox) -> (x: Double, y: Double) {
        (Double(box.x) + Double(box.width) / 2, Double(box.y) + Double(box.height) / 2)
    }

    /// Same normalized text, or (4+ characters) one edit apart.
    static func similar(_ a: PlateRead, _ b: PlateRead) -> Bool {
        if a.normalized == b.normalized { return true }
        let x = Array(a.normalized), y = Array(b.normalized)
        guard min(x.count, y.count) >= 4, abs(x.count - y.count) <= 1 else { return false }
        return editDistance(x, y, limit: 1) <= 1
    }

    /// At most half the characters (of the longer text) differ: the same plate, badly read.
    static func related(_ a: PlateRead, _ b: PlateRead) -> Bool {
        let x = Array(a.normalized), y = Array(b.normalized)
        let limit = max(x.count, y.count) / 2
        guard limit >= 1 else { return false }
        return editDistance(x, y, limit: limit) <= limit
    }

    /// Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`.
    static func editDistance(_ x: [Character], _ y: [Character], limit: Int) -> Int {
        var previous = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var current = [i] + Array(repeating: 0, count: y.count)
            var rowMinimum = i
            for j in stride(from: 1, through: y.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            previous = current
        }
        return x.isEmpty ? y.count : previous[y.count]
    }
}
