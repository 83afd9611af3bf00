import Foundation

/// How a synthetic drive is made (see `parkscan-synth drive --help`).
public struct DriveOptions: Sendable, Hashable {
    /// Which frames the cameras write.
    public enum Recording: String, Sendable, Hashable, CaseIterable {
        /// Every frame of every pass (large: about 3,000 frames per camera and pass in the demo town).
        case continuous
        /// Only frames with a plate in view and the frame before each, while the vehicle moves
        /// (a plate-triggered camera).
        case triggered
    }

    /// Cars parked at the first pass, about (nil: every zone filled to 30-95 % of its capacity;
    /// a number scales the zones' occupancy down proportionally, never up).
    public var cars: Int?
    /// Regular passes, ``minutesBetweenPasses`` apart.
    public var passes: Int
    public var minutesBetweenPasses: Double
    /// One more pass this many minutes after the first pass started (nil: none), late enough
    /// for a time-limited case: digital chalking counts from the first sighting, so an
    /// overstay needs sightings more than max stay + grace (+ up to 30 min with a disc) apart.
    public var latePassMinutes: Double?
    public var framesPerSecond: Double
    public var width: Int
    public var height: Int
    public var cameras: [DriveCamera]
    /// When the first pass starts.
    public var start: Date
    /// Fraction of foreign plates.
    public var foreignShare: Double
    /// Size of the slowly drifting GPS error, metres (standard deviation; 0: exact fixes).
    public var gpsNoiseMetres: Double
    /// GPS fixes per second (RMC + GGA each).
    public var gpsRate: Double
    public var recording: Recording
    public var jpegQuality: Int
    /// Mild blur and sensor noise, and grainy walls and road (off: clean frames, which also
    /// compress about five times better).
    public var degrade: Bool
    /// Write the truth, GPS, rights and frame lists, but no images (for quick tests).
    public var renderImages: Bool
    public var fontPath: String

    /// Tuesday, 4 November 2025, 10:00 in Berlin: inside every demo zone's hours except the
    /// evening resident zone kls-s-2 and, from 11:00, the loading bay roe-o-2.
    public static let defaultStart = Date(timeIntervalSince1970: 1_762_246_800)

    public init(cars: Int? = nil, passes: Int = 2, minutesBetweenPasses: Double = 12, latePassMinutes: Double? = nil,
                framesPerSecond: Double = 10, width: Int = 1920, height: Int = 1080, cameras: [DriveCamera] = [.right],
                start: Date = DriveOptions.defaultStart, foreignShare: Double = 0.12, gpsNoiseMetres: Double = 1.0,
                gpsRate: Double = 2, recording: Recording = .triggered, jpegQuality: Int = 85, degrade: Bool = true,
                renderImages: Bool = true, fontPath: String = SceneOptions.defaultFontPath) {
        self.cars = cars
        self.passes = passes
        self.minutesBetweenPasses = minutesBetweenPasses
        self.latePassMinutes = latePassMinutes
        self.framesPerSecond = framesPerSecond
        self.width = width
        self.height = height
        self.cameras = cameras
        self.start = start
        self.foreignShare = foreignShare
        self.gpsNoiseMetres = gpsNoiseMetres
        self.gpsRate = gpsRate
        self.recording = recording
        self.jpegQuality = jpegQuality
        self.degrade = degrade
        self.renderImages = renderImages
        self.fontPath = fontPath
    }

    /// Minutes after the first pass's start at which each pass starts.
    var passOffsetsMinutes: [Double] {
        (0..<passes).map { Double($0) * minutesBetweenPasses } + (latePassMinutes.map { [$0] } ?? [])
    }

    /// Throws when the options make no sense.
    func validate() throws {
        func check(_ condition: Bool, _ message: String) throws {
            if !condition { throw SynthesisError(message: "invalid drive options: \(message)") }
        }
        try check(passes >= 1 && passes <= 20, "passes must be 1...20 (got \(passes))")
        try check(cars.map { $0 >= 0 } ?? true, "cars must not be negative")
        try check(minutesBetweenPasses > 0, "minutes between passes must be positive")
        try check(framesPerSecond > 0 && framesPerSecond <= 60, "fps must be in (0, 60]")
        try check((64...8192).contains(width) && (64...8192).contains(height), "frame size \(width)x\(height) is outside 64...8192")
        try check(!cameras.isEmpty, "at least one camera")
        try check(Set(cameras.map(\.name)).count == cameras.count, "camera names must be unique")
        try check((0...1).contains(foreignShare), "foreign share must be in 0...1")
        try check(gpsNoiseMetres >= 0 && gpsNoiseMetres <= 20, "GPS noise must be 0...20 m")
        try check(gpsRate >= 0.2 && gpsRate <= 10, "GPS rate must be 0.2...10 Hz")
        try check((10...100).contains(jpegQuality), "JPEG quality must be 10...100")
        if let late = latePassMinutes {
            try check(late > Double(passes - 1) * minutesBetweenPasses, "the late pass must come after the regular passes")
        }
    }
}
