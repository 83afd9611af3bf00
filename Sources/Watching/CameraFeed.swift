import DriveInput
import Foundation
import LiveInput
import PlateReading
import Scanning
import Synchronization

/// One camera: a V4L2 device, an RTSP/HTTP stream, or a video file played at its real timing.
///
/// Frame times: live sources take the system clock when a frame arrives (keep it on GPS time
/// with NTP/gpsd). A video file takes its sidecar's start (``VideoSidecar``) or, without one,
/// the moment it was opened, plus the frame's position in the file; with `loop` it starts
/// again at its end, times running on.
public final class CameraFeed: FrameFeed, @unchecked Sendable {
    public let mount: CameraMount
    public let source: String
    public let loop: Bool
    public var cameras: [String] { [mount.name] }
    private let capture: VideoCapture
    private let isFile: Bool
    private let sidecarStart: Date?
    private let stopped = Atomic<Bool>(false)
    private let done = DispatchSemaphore(value: 0)
    private let clock = Mutex<(wall: Date, frame: Date)?>(nil)
    /// Receives problems (a frame that cannot be decoded, the end of a stream).
    public var log: @Sendable (String) -> Void = { _ in }

    /// Opens the source now, so that a wrong device or path stops `watch` before it starts.
    public init(source: String, mount: CameraMount, loop: Bool = false) throws(LiveSourceError) {
        self.source = source
        self.mount = mount
        self.loop = loop
        isFile = !source.contains("://") && !source.hasPrefix("/dev/") && FileManager.default.fileExists(atPath: source)
        sidecarStart = isFile ? try VideoSidecar.load(forVideo: source)?.start : nil
        capture = try Self.open(source)
    }

    public func start(into queue: LiveFrameQueue) {
        let thread = Thread { [self] in
            run(queue)
            queue.finish(camera: mount.name)
            done.signal()
        }
        thread.name = "camera-\(mount.name)"
        thread.start()
    }

    public func stop() {
        stopped.store(true, ordering: .relaxed)
        done.wait()
    }

    public func now() -> Date? {
        clock.withLock { $0.map { $0.frame.addingTimeInterval(Date().timeIntervalSince($0.wall)) } }
    }

    private func run(_ queue: LiveFrameQueue) {
        var capture: VideoCapture = self.capture
        let opened = Date()
        let start = sidecarStart ?? opened
        var offset: TimeInterval = 0
        var lastPosition: TimeInterval = 0
        var index = 0
        let interval = capture.framesPerSecond > 0 ? 1 / capture.framesPerSecond : 0.04
        while !stopped.load(ordering: .relaxed) {
            let grabbed: TimeInterval?
            do { grabbed = try capture.grab() } catch {
                log("camera \(mount.name): \(error.description)")
                if isFile { break } else { continue }
            }
            guard let position = grabbed else {
                guard isFile && loop && index > 0 else {
                    log("camera \(mount.name): \(source) ended")
                    break
                }
                offset += lastPosition + interval
                lastPosition = 0
                do { capture = try Self.open(source) } catch {
                    log("camera \(mount.name): \(error.description)")
                    break
                }
                continue
            }
            lastPosition = position
            let time: Date
            if isFile {
                // Real timing: a file's frame is due when its time has come.
                let due = opened.addingTimeInterval(offset + position)
                while !stopped.load(ordering: .relaxed) && due.timeIntervalSinceNow > 0 {
                    Thread.sleep(forTimeInterval: min(0.1, due.timeIntervalSinceNow))
                }
                time = start.addingTimeInterval(offset + position)
            } else {
                time = Date()
            }
            clock.withLock { $0 = (Date(), time) }
            let frameIndex = index
            index += 1
            // Its image is taken only when it is to be read: a dropped frame is never decoded.
            switch queue.admit(camera: mount.name, cameraFrameIndex: frameIndex) {
            case .closed: return
            case .drop: continue
            case .queue: break
            }
            let image: FrameImage
            do { image = capture.passesJPEG ? .jpeg(try capture.retrieveJPEG()) : .pixels(try capture.retrieve()) } catch {
                queue.withdraw(camera: mount.name)
                log("camera \(mount.name): \(error.description)")
                if isFile { break } else { continue }
            }
            let frame = LiveFrame(camera: mount.name, cameraFrameIndex: frameIndex, time: time, image: image,
                                  path: "live:\(mount.name)#\(frameIndex)")
            guard queue.push(frame) else { break }
        }
    }

    /// Opens a source, passing Motion-JPEG frames on undecoded (the reader threads decode them).
    static func open(_ source: String) throws(LiveSourceError) -> VideoCapture {
        try VideoCapture(source: source, passJPEG: true)
    }
}
