import ArgumentParser
import DriveInput
import Enforcement
import Foundation
import LiveInput
import Logging
import Scanning
import ServiceLifecycle
import Watching

/// `parkscan watch`: the scan pipeline live on the vehicle. The work is in the `Watching`
/// library (`WatchSession`, `WatchService`); this file only turns options into sources.
struct Watch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan live: cameras and GPS in, the same decisions as `scan`, while driving.",
        discussion: """
            Reads frames from cameras (V4L2 devices, RTSP/HTTP streams, video files) or replays \
            a recorded drive at its real timing, and positions from NMEA 0183 (TCP host:port, \
            a serial device, a file). Each sighting is decided and committed as soon as its \
            car is out of view, exactly as `scan` decides it; pending first sightings stay in \
            the database, so a later pass (also after a restart) confirms them.

            When reading falls behind, frames are dropped on purpose (never two of any three \
            consecutive frames of a camera, so a car seen in three frames keeps two reads). \
            SIGTERM or Ctrl-C: the vehicles in view are decided and committed, exit 0. \
            See docs/watch.md.

            Camera: SOURCE[,side=right|left][,offset=METRES][,forward=METRES][,name=NAME][,loop]
              --camera /dev/video0,side=right,offset=3.0
              --camera rtsp://10.0.0.21/stream1,side=left,offset=2.5,name=left
              --camera right.avi,side=right,loop     (a file at real timing; times from right.avi.json)
            """
    )

    @Option(name: .customLong("camera"), help: "A camera (repeatable): SOURCE[,side=..][,offset=..][,forward=..][,name=..][,loop].")
    var cameras: [String] = []

    @Option(help: "NMEA 0183 source: host:port (TCP), /dev/ttyUSB0 (serial) or a file.")
    var gps: String?

    @Option(help: "Baud rate of a serial GPS device.")
    var gpsBaud = 9600

    @Option(help: "Replay a recorded drive as if live instead of cameras.")
    var replay: String?

    @Option(help: "Replay speed: 1 = real timing, 10 = ten times faster, 0 = as fast as the readers go (drops nothing).")
    var speed = 1.0

    @Option(help: "Replay only frames from this time on (ISO 8601 with zone).")
    var replayFrom: String?

    @Option(help: "Replay only frames up to this time (ISO 8601 with zone).")
    var replayUntil: String?

    @Option(help: "The vehicle's name in the scan runs (default: the replayed drive's, else the host name).")
    var vehicle: String?

    @OptionGroup var options: ScanOptions

    @Option(help: ArgumentHelp("Frames queued per camera before dropping.",
                               discussion: "A queued Motion-JPEG frame holds its JPEG (~250 KB at 1080p), any other a decoded frame (6 MB at 1080p)."))
    var queue = 4

    @Option(help: "Serve Prometheus metrics on 127.0.0.1:PORT/metrics (0: any free port).")
    var metricsPort: Int?

    func validate() throws {
        guard (replay == nil) != cameras.isEmpty else {
            throw ValidationError("give either --replay DRIVE or one or more --camera SOURCE")
        }
        guard (1...64).contains(queue) else { throw ValidationError("--queue must be 1...64, not \(queue)") }
        guard speed >= 0, speed.isFinite else { throw ValidationError("--speed must be 0 or more, not \(speed)") }
        if let metricsPort, !(0...65535).contains(metricsPort) { throw ValidationError("--metrics-port must be 0...65535") }
        for spec in cameras { _ = try CameraSpec(parsing: spec) }
    }

    func run() async throws {
        let zoneMap = try options.zoneMap()
        let store = try ParkScanDatabase(path: options.database)
        let printer = StatusPrinter()
        let log: @Sendable (String) -> Void = { printer.line($0) }
        let settings = options.settings

        var liveGPS: LiveGPS?
        var receiver: GPSReceiver?
        if let gps {
            let source: GPSSource
            do { source = try GPSSource(parsing: gps, baud: gpsBaud) } catch { throw CommandFailure(error.description) }
            // A file is a recording (a replayed log): all of it is needed, not the last minutes.
            let feed: LiveGPS
            if case .file = source { feed = LiveGPS(window: 7 * 86_400) } else { feed = LiveGPS() }
            receiver = GPSReceiver(source: source, gps: feed)
            liveGPS = feed
        }
        let sources = try makeSources(gps: liveGPS, log: log)
        let readers: [any FrameReading]
        do { readers = try (0..<options.workers).map { _ in try PlateFrameReader(configuration: settings.reader) } } catch {
            throw CommandFailure("\(error)")
        }
        if let limit = OpenMPThreadLimit.inEffect(), limit != 1 {
            log("OCR runs with \(limit >= Int(Int32.max) ? "no" : "a \(limit)-thread") OpenMP limit per reader: on a vehicle's few cores "
                + "that reads 3-4x slower; leave OMP_THREAD_LIMIT unset (watch then uses 1) or set it to 1")
        }
        let configuration = WatchSession.Configuration(
            vehicle: sources.vehicle, zones: zoneMap, database: store, rights: RightsStore(database: store),
            evidenceFolder: options.evidence, settings: settings, queueCapacity: queue,
            dropPolicy: FrameDropPolicy(blocksInsteadOfDropping: replay != nil && speed == 0),
            sourceDescription: replay ?? "live")
        let session = WatchSession(configuration: configuration, feeds: sources.feeds, positioning: sources.positioning,
                                   readers: readers, gps: liveGPS, log: log)
        let service = WatchService(session: session) { printer.show($0) }
        var metrics: MetricsListener?
        if let metricsPort {
            do { metrics = try MetricsListener(port: UInt16(metricsPort)) { PrometheusText.render(service.latestStatus) } } catch {
                throw CommandFailure("\(error)")
            }
            log("metrics on http://127.0.0.1:\(metrics!.port)/metrics")
        }
        receiver?.start()
        defer {
            receiver?.stop()
            metrics?.stop()
        }
        var logger = Logger(label: "parkscan.watch")
        logger.logLevel = .warning
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do { try await group.run() } catch { throw CommandFailure("watch: \(error)") }
        let status = service.latestStatus
        printer.finish(status)
        print("scan run \(session.scanRunID): \(status.framesRead) frames read, \(status.framesDropped) dropped, "
            + "\(status.sightings) sightings, \(status.pending) pending, \(status.cases) cases, \(status.unlocated) unlocated, "
            + "\(status.platesRead) plates (\(status.platesCarried) carried over, not read again)")
    }

    private func makeSources(gps: LiveGPS?, log: @escaping @Sendable (String) -> Void) throws
        -> (feeds: [any FrameFeed], positioning: any CarPositioning, vehicle: String) {
        if let replay {
            let drive: DriveFolder
            do { drive = try DriveFolder(path: replay) } catch { throw CommandFailure(error.description) }
            for issue in drive.issues { log("skipped: \(issue)") }
            let window = try replayWindow()
            let feed = ReplayFeed(drive: drive, speed: speed, window: window)
            let positioning: any CarPositioning = gps.map { LiveGPSPositioning(gps: $0, mounts: drive.cameras) } ?? DrivePositioning(drive: drive)
            return ([feed], positioning, vehicle ?? drive.vehicle)
        }
        var feeds: [any FrameFeed] = []
        var mounts: [CameraMount] = []
        for text in cameras {
            let spec = try CameraSpec(parsing: text)
            guard !mounts.contains(where: { $0.name == spec.mount.name }) else {
                throw CommandFailure("--camera \(text): a camera named \(spec.mount.name) is already given; add name=...")
            }
            do {
                let feed = try CameraFeed(source: spec.source, mount: spec.mount, loop: spec.loop)
                feed.log = log
                feeds.append(feed)
            } catch { throw CommandFailure("--camera \(text): \(error.description)") }
            mounts.append(spec.mount)
        }
        if gps == nil { log("no --gps: every sighting will be unlocated (counted, never decided)") }
        let positioning: any CarPositioning = gps.map { LiveGPSPositioning(gps: $0, mounts: mounts) } ?? NoPositioning()
        return (feeds, positioning, vehicle ?? ProcessInfo.processInfo.hostName)
    }

    private func replayWindow() throws -> ClosedRange<Date>? {
        guard replayFrom != nil || replayUntil != nil else { return nil }
        func parse(_ text: String?, _ option: String, _ fallback: Date) throws -> Date {
            guard let text else { return fallback }
            guard let date = ISO8601Parsing.date(text) else { throw ValidationError("\(option) \(text): not ISO 8601 with a zone") }
            return date
        }
        let from = try parse(replayFrom, "--replay-from", .distantPast), until = try parse(replayUntil, "--replay-until", .distantFuture)
        guard from <= until else { throw ValidationError("--replay-from is after --replay-until") }
        return from...until
    }
}

/// No GPS: every frame unlocated.
private struct NoPositioning: CarPositioning {
    func carPosition(camera: String, at time: Date) -> GeoPoint? { nil }
}
