import DriveInput
import Enforcement
import Foundation
import LiveInput
import PlateReading
import Scanning
import Testing
import Watching

@Suite(.serialized) struct VideoFileTests {
    /// Frames of a generated drive written as an MJPG video with its start sidecar, then
    /// watched as a camera at real timing with the drive's NMEA log as the GPS file: every
    /// frame arrives at its time, plates are read from the decoded pixels and tracked into
    /// sightings, with evidence cut from the pixels.
    @Test func aVideoFileIsWatchedAtItsRealTiming() throws {
        let drive = try TestDrive(seed: 33, cars: 6)
        defer { drive.remove() }
        let folder = try DriveFolder(path: drive.drivePath)
        // The first frames with plates in them, as a 10 fps video.
        let frames = Array(folder.frames(of: "right").prefix(40))
        let video = drive.file("right.avi")
        let start = frames[0].time
        let writer = try VideoWriter(path: video, framesPerSecond: 10, width: 960, height: 540)
        for frame in frames { try writer.append(imageAt: frame.path) }
        writer.finish()
        try VideoSidecar(start: start, fps: 10).write(forVideo: video)

        let capture = try VideoCapture(source: video)
        #expect(capture.frameCount == frames.count)
        #expect(abs(capture.framesPerSecond - 10) < 0.01)
        var decoded = 0
        while let (frame, position) = try capture.next() {
            #expect(frame.width == 960 && frame.height == 540)
            #expect(abs(position - Double(decoded) / 10) < 0.001)
            decoded += 1
        }
        #expect(decoded == frames.count)

        let gps = LiveGPS(window: 24 * 3600)
        let receiver = GPSReceiver(source: .file(path: drive.file("drive/gps.nmea")), gps: gps)
        receiver.start()
        defer { receiver.stop() }
        let mount = try #require(folder.cameras.first { $0.name == "right" })
        let feed = try CameraFeed(source: video, mount: mount)
        let configuration = WatchSession.Configuration(
            vehicle: "SV-test", zones: try drive.zones(), database: try ParkScanDatabase(path: drive.file("watch.sqlite")),
            rights: try drive.rights(), evidenceFolder: drive.file("evidence"))
        let readers = try (0..<2).map { _ in try PlateFrameReader(configuration: ScanSettings().reader) }
        let session = WatchSession(configuration: configuration, feeds: [feed],
                                   positioning: LiveGPSPositioning(gps: gps, mounts: [mount]), readers: readers, gps: gps)
        let began = Date()
        try session.start()
        session.waitUntilFinished()
        let took = Date().timeIntervalSince(began)
        #expect(session.failure == nil)
        #expect(took >= 3.5, "40 frames at 10 fps take 4 s at real timing, not \(took) s")
        let status = session.status()
        #expect(status.framesCaptured == frames.count)
        #expect(status.framesRead + status.framesDropped == frames.count)
        #expect(status.platesRead > 0)
        #expect(status.sightings > 0)
        #expect((status.gps?.fixes ?? 0) > 0)
    }

    /// Motion-JPEG frames are handed on as the camera's JPEG images, undecoded, at the same
    /// positions; the reader thread decodes them. A camera feed queues them that way, so a
    /// queued or tracked frame holds a JPEG instead of 1.5 MB of pixels.
    @Test func motionJPEGFramesArePassedOnUndecoded() throws {
        let drive = try TestDrive(seed: 35, cars: 2)
        defer { drive.remove() }
        let frames = Array(try DriveFolder(path: drive.drivePath).frames(of: "right").prefix(6))
        let video = drive.file("right.avi")
        let writer = try VideoWriter(path: video, framesPerSecond: 25, width: 960, height: 540)
        for frame in frames { try writer.append(imageAt: frame.path) }
        writer.finish()

        let decoding = try VideoCapture(source: video)
        let passing = try VideoCapture(source: video, passJPEG: true)
        #expect(!decoding.passesJPEG)
        #expect(passing.passesJPEG)
        var count = 0
        while let position = try passing.grab() {
            #expect(abs(position - Double(count) / 25) < 0.001)
            let jpeg = try passing.retrieveJPEG()
            #expect(jpeg.prefix(2) == [0xFF, 0xD8])
            let frame = try CameraFrame(encoded: jpeg)
            #expect(frame.width == 960 && frame.height == 540)
            let decoded = try #require(try decoding.next())
            #expect(abs(decoded.position - position) < 0.001)
            count += 1
        }
        #expect(count == frames.count)
        #expect(throws: LiveSourceError.self) { _ = try decoding.retrieveJPEG() }

        let mount = try #require(try DriveFolder(path: drive.drivePath).cameras.first { $0.name == "right" })
        let feed = try CameraFeed(source: video, mount: mount)
        let queue = LiveFrameQueue(cameras: ["right"], capacity: 64)
        feed.start(into: queue)
        var images: [FrameImage] = []
        while let job = queue.take() {
            images.append(try #require(job.frame.image))
            queue.deliver(job, .success([]))
        }
        #expect(images.count == frames.count)
        for image in images {
            guard case .jpeg(let bytes) = image else { Issue.record("a decoded frame was queued: \(image.byteCount) bytes"); continue }
            #expect(bytes.count < 960 * 540 * 3 / 4)
            #expect(try image.decoded().width == 960)
        }
    }

    @Test func aMissingVideoIsRefusedWithItsName() {
        do {
            _ = try VideoCapture(source: "/nonexistent/cam.avi")
            Issue.record("opened a missing file")
        } catch {
            #expect(error.description.contains("/nonexistent/cam.avi"))
        }
    }
}
