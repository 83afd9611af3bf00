/// One plate found in a frame and read.
public struct PlateRead: Sendable, Equatable {
    /// The best reading: canonical text (`M-AB 1234`), normalised text, country, confidence.
    public var best: PlateHypothesis
    /// The next-best readings, best first.
    public var alternatives: [PlateHypothesis]
    /// Where the plate is in the frame.
    public var box: PixelBox
    /// Plate corners in frame pixels: top-left, top-right, bottom-right, bottom-left.
    public var corners: [PixelPoint]
    /// How plate-like the region looked to the detector, 0...1.
    public var detectionScore: Double
    /// Whether a blue EU band was seen left of the characters.
    public var hasEUBand: Bool
    /// What the OCR saw, character by character with alternatives and gaps: the material
    /// for fusing several reads of the same plate.
    public var symbols: [SymbolReading]
    /// True when the OCR did not read this plate in this frame: it was found where a track
    /// whose plate was sure expected it, and that track's read was carried over with this
    /// frame's box (``KnownPlate``). Such a read keeps its track going; it is no evidence of
    /// its text, so fusion and evidence leave it out.
    public var carried: Bool = false
    /// True when the plate's outline runs past the frame's edge: characters beyond it may be
    /// lost (`C-H 2517` for `LÖ-CH 2517` as the car comes into view), so the read does not
    /// compete in fusion; it only joins the whole reads when it reads their winner.
    public var cutByFrameEdge: Bool = false
    /// Whether the read is evidence of its plate's text: read by the OCR, and whole.
    public var isWholeReadByTheOCR: Bool { !carried && !cutByFrameEdge }

    public var text: String { best.text }
    public var normalized: String { best.normalized }
    public var country: String? { best.country }
    public var confidence: Double { best.confidence }
}

/// A plate known before a frame is read: where a track whose plate is sure expects it in this
/// frame, and the read to carry over. The reader does not read a candidate found there
/// again (``PlateReader/read(_:knowing:)``).
public struct KnownPlate: Sendable, Equatable {
    /// The expected box.
    public var box: PixelBox
    /// The read carried over (its box replaced by the candidate's).
    public var read: PlateRead

    public init(box: PixelBox, read: PlateRead) {
        self.box = box
        self.read = read
    }
}

/// An axis-aligned rectangle in frame pixels.
public struct PixelBox: Sendable, Hashable, Codable {
    public var x: Int, y: Int, width: Int, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// True when the two boxes share at least one pixel.
    public func intersects(_ other: PixelBox) -> Bool {
        x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
    }

    /// The box grown by `margin` pixels on every side.
    public func expanded(by margin: Int) -> PixelBox {
        PixelBox(x: x - margin, y: y - margin, width: width + 2 * margin, height: height + 2 * margin)
    }

    /// Intersection over union with another box, 0...1.
    public func overlap(with other: PixelBox) -> Double {
        let shared = sharedArea(with: other)
        return shared == 0 ? 0 : shared / (Double(width * height + other.width * other.height) - shared)
    }

    /// The share of this box that lies inside `other`, 0...1.
    public func shareInside(_ other: PixelBox) -> Double {
        width * height > 0 ? sharedArea(with: other) / Double(width * height) : 0
    }

    private func sharedArea(with other: PixelBox) -> Double {
        let left = max(x, other.x), right = min(x + width, other.x + other.width)
        let top = max(y, other.y), bottom = min(y + height, other.y + other.height)
        guard right > left, bottom > top else { return 0 }
        return Double((right - left) * (bottom - top))
    }
}

/// A point in frame pixels.
public struct PixelPoint: Sendable, Equatable, Codable {
    public var x: Double, y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
