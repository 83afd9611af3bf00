import ArgumentParser
import DriveInput
import Foundation
import Synthesis

/// `parkscan-synth drive`: a whole synthetic recorded drive with exact truth.
struct DriveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drive",
        abstract: "Write a synthetic recorded drive (drive.json, gps.nmea, frames, rights/*.csv) and its truth.json.",
        discussion: """
            Cars are parked in the zones along the demo town's streets; the scan vehicle drives every \
            street in both directions once per pass. The truth (cars, occupancy per pass and zone, \
            expected cases, visible plates per frame) is described in Fixtures/README.md.
            """
    )

    @Option(help: "Output drive folder (created if missing).") var out: String
    @Option(help: "Seed: the same seed and options give the same drive, byte for byte.") var seed: UInt64
    @Option(help: "About this many cars at the first pass (default: zones 30-95 % full).") var cars: Int?
    @Option(help: "Regular passes.") var passes = 2
    @Option(help: "Minutes between the starts of the regular passes.") var minutesBetweenPasses = 12.0
    @Option(help: "One more pass this many minutes after the first (e.g. 100: time-limited cases need sightings further apart than max stay + grace, +30 min with a disc).")
    var latePass: Double?
    @Option(help: "Frames per second per camera.") var fps = 10.0
    @Option(help: "Frame size, WIDTHxHEIGHT.") var size = FrameSize(argument: "1920x1080")!
    @Option(help: "Cameras, comma-separated: right, left.") var cameras = "right"
    @Option(help: "Zone map folder (the demo town's streets are used for the route).") var zones = "Zones/demo-town"
    @Option(help: "Start of the first pass, ISO 8601 with offset.") var start = "2025-11-04T10:00:00+01:00"
    @Option(help: "Recording: triggered (frames around visible plates) or continuous (every frame).")
    var recording = "triggered"
    @Option(help: "Standard deviation of the drifting GPS error, metres.") var gpsNoise = 1.0
    @Option(help: "GPS fixes per second.") var gpsRate = 2.0
    @Option(help: "Fraction of foreign plates.") var foreignShare = 0.12
    @Option(help: "JPEG quality 10-100.") var jpegQuality = 85
    @Flag(help: "Clean frames: no blur or noise, plain walls and road (compress about five times better).")
    var clean = false
    @Flag(help: "Write the truth, GPS log, rights and frame lists but no images (quick).") var noImages = false
    @Option(help: "TrueType font for plates.") var font = SceneOptions.defaultFontPath

    func run() throws {
        var rig: [DriveCamera] = []
        for name in cameras.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            switch name {
            case "right": rig.append(.right)
            case "left": rig.append(.left)
            default: throw ValidationError("unknown camera '\(name)'; use right, left or right,left")
            }
        }
        guard let startDate = ISO8601DateFormatter().date(from: start) else {
            throw ValidationError("--start '\(start)' is not ISO 8601 with an offset, e.g. 2025-11-04T10:00:00+01:00")
        }
        guard let mode = DriveOptions.Recording(rawValue: recording) else {
            throw ValidationError("--recording must be triggered or continuous")
        }
        let options = DriveOptions(
            cars: cars, passes: passes, minutesBetweenPasses: minutesBetweenPasses, latePassMinutes: latePass,
            framesPerSecond: fps, width: size.width, height: size.height, cameras: rig, start: startDate,
            foreignShare: foreignShare, gpsNoiseMetres: gpsNoise, gpsRate: gpsRate, recording: mode,
            jpegQuality: jpegQuality, degrade: !clean, renderImages: !noImages, fontPath: font
        )
        let clock = Date()
        let generator = try DriveGenerator(seed: seed, options: options, zonesFolder: zones)
        let total = generator.frameCount
        let step = max(1, total / 20)
        let truth = try generator.write(to: out) { done, all in
            if done % step == 0 || done == all { print("[\(done)/\(all)] frames") }
        }
        let seconds = Date().timeIntervalSince(clock)
        let rules = Dictionary(grouping: truth.cases, by: \.rule).map { "\($0.value.count) \($0.key)" }.sorted()
        print("""
            wrote \(out): \(truth.cars.count) cars, \(truth.passes.count) passes, \(truth.frames.count) frames, \
            \(truth.cases.count) expected cases (\(rules.joined(separator: ", "))), \
            \(generator.rights.permits.count) permits, \(generator.rights.sessions.count) sessions, \
            \(generator.rights.exemptions.count) exemptions; \(String(format: "%.1f", seconds)) s
            """)
    }
}
