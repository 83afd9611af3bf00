import Foundation
import LiveInput
import PlateReading
import Synthesis
import Testing
import TestSupport

/// The video library (FFmpeg) on its own: exact rates and positions, the pixels it decodes,
/// the images it writes, and sources that are not what they should be.
@Suite(.serialized) struct VideoSourceTests {
    @Test func theRateIsExactInTheFileAndFrameIIsAtIOverTheRate() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let rate = 30000.0 / 1001
        let video = try folder.video(frames: 12, framesPerSecond: rate)
        for passJPEG in [false, true] {
            let capture = try VideoCapture(source: video, passJPEG: passJPEG)
            #expect(capture.passesJPEG == passJPEG)
            #expect(abs(capture.framesPerSecond - rate) < 1e-9, "the AVI header keeps 30000/1001, not \(capture.framesPerSecond)")
            #expect(capture.frameCount == 12)
            var index = 0
            while let position = try capture.grab() {
                #expect(abs(position - Double(index) / rate) < 1e-6)
                index += 1
            }
            #expect(index == 12)
        }
    }

    /// The frames decoded here (FFmpeg, then BGR) against the same JPEGs passed on and
    /// decoded by the reader (libjpeg-turbo): a colour matrix or range gone wrong shifts every
    /// pixel by 8-16 levels; upsampling the chroma differently moves a few edges only.
    @Test func decodedFramesHaveTheColoursOfTheirJPEGs() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let video = try folder.video(frames: 3, framesPerSecond: 25)
        let decoding = try VideoCapture(source: video)
        let passing = try VideoCapture(source: video, passJPEG: true)
        while let (decoded, _) = try decoding.next() {
            #expect(try passing.grab() != nil)
            let reference = try CameraFrame(encoded: passing.retrieveJPEG())
            let difference = Self.difference(decoded, reference)
            #expect(difference.meanAbsolute < 2 && difference.largestChannelShift < 1, "\(difference)")
        }
        #expect(try passing.grab() == nil)
    }

    /// `parkscan-synth video` writes drive frames (JPEG) and may be given PNGs: any size is
    /// scaled to the video's.
    @Test func pngAndJPEGImagesOfAnySizeBecomeFramesOfTheVideo() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let png = try folder.scene(0, width: 640, height: 480, fileExtension: "png")
        let jpeg = try folder.scene(1, width: 1280, height: 720, fileExtension: "jpg")
        let notes = folder.path("notes.txt")
        try Data("not an image\n".utf8).write(to: URL(fileURLWithPath: notes))
        let video = folder.path("mixed.avi")
        let writer = try VideoWriter(path: video, framesPerSecond: 5, width: 960, height: 540)
        for image in [png, jpeg, png] { try writer.append(imageAt: image) }
        do {
            try writer.append(imageAt: notes)
            Issue.record("a file that is no image was appended")
        } catch {
            #expect(error.description == notes + ": not a JPEG or PNG image", "\(error)")
        }
        writer.finish()

        let capture = try VideoCapture(source: video)
        #expect(capture.frameCount == 3)
        var frames: [CameraFrame] = []
        while let (frame, _) = try capture.next() { frames.append(frame) }
        #expect(frames.map { "\($0.width)x\($0.height)" } == Array(repeating: "960x540", count: 3))
        let scaled = Self.difference(try #require(frames.first), try CameraFrame(contentsOf: png))
        #expect(scaled.meanAbsolute < 6 && scaled.largestChannelShift < 2, "\(scaled)")
    }

    /// A recording cut off (a recorder that lost power): its whole frames, then an error
    /// naming the file, never a frame half grey.
    @Test func aTruncatedVideoGivesItsWholeFramesThenAnError() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let video = try folder.video(frames: 8, framesPerSecond: 25)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: video))
        let cut = folder.path("cut.avi")
        try bytes.prefix(bytes.count * 6 / 10).write(to: URL(fileURLWithPath: cut))
        for passJPEG in [false, true] {
            let capture = try VideoCapture(source: cut, passJPEG: passJPEG)
            var frames = 0
            do {
                while let position = try capture.grab() {
                    #expect(abs(position - Double(frames) / 25) < 0.001)
                    _ = passJPEG ? try CameraFrame(encoded: capture.retrieveJPEG()) : try capture.retrieve()
                    frames += 1
                }
                Issue.record("the cut file ended without an error after \(frames) frames")
            } catch {
                let message = "\(error)"
                #expect(message.contains(cut) && message.contains("truncated"), "\(message)")
            }
            #expect(frames >= 3 && frames < 8)
        }
    }

    /// A damaged frame in the middle (a network camera's lost packet, a bad write) is
    /// skipped; the frames after it still come.
    @Test func aDamagedFrameIsSkippedAndTheFramesAfterItStillCome() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let video = try folder.video(frames: 8, framesPerSecond: 25)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: video)))
        // Every frame is a JPEG: the fourth's headers (markers, tables, frame size) are zeroed.
        var starts: [Int] = []
        for index in 0..<(bytes.count - 2) where bytes[index] == 0xFF && bytes[index + 1] == 0xD8 && bytes[index + 2] == 0xFF {
            starts.append(index)
        }
        #expect(starts.count == 8)
        for index in starts[3]..<min(starts[3] + 2000, starts[4]) { bytes[index] = 0 }
        let damaged = folder.path("damaged.avi")
        try Data(bytes).write(to: URL(fileURLWithPath: damaged))
        let capture = try VideoCapture(source: damaged)
        var frames = 0
        while try capture.next() != nil { frames += 1 }
        #expect(frames == 7)
    }

    @Test func aFileThatIsNotAVideoIsRefusedWithItsName() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let notes = folder.path("notes.avi")
        try Data("parking notes, not a video\n".utf8).write(to: URL(fileURLWithPath: notes))
        let expectations = [(notes, "is it a video file?"), ("99", "/dev/video99"), ("/dev/video99", "is the device there")]
        for (source, advice) in expectations {
            do {
                _ = try VideoCapture(source: source)
                Issue.record("\(source) was opened")
            } catch {
                #expect(error.description.hasPrefix(source + " ") || error.description.hasPrefix(source + ":"), "\(error)")
                #expect(error.description.contains(advice), "\(error)")
            }
        }
    }

    /// A camera that refuses the connection is named at once; one that accepts it and then
    /// says nothing is given up after 10 s, not waited for forever.
    @Test func anUnreachableCameraFailsAtOnceAndASilentOneAfterTheTimeout() throws {
        let closed = try ListeningSocket()
        let refusedURL = "rtsp://127.0.0.1:\(closed.port)/stream1"
        closed.close()
        do {
            _ = try VideoCapture(source: refusedURL)
            Issue.record("opened a closed port")
        } catch {
            #expect(error.description.hasPrefix(refusedURL + ": "), "\(error)")
            #expect(error.description.contains("reachable"), "\(error)")
        }

        let silent = try ListeningSocket()
        defer { silent.close() }
        let silentURL = "rtsp://127.0.0.1:\(silent.port)/stream1"
        let began = Date()
        do {
            _ = try VideoCapture(source: silentURL)
            Issue.record("opened a camera that never answered")
        } catch {
            #expect(error.description.contains("no answer within 10 s"), "\(error)")
        }
        let took = Date().timeIntervalSince(began)
        #expect(took > 9 && took < 20, "gave up after \(took) s")
    }

    struct Difference: CustomStringConvertible {
        var meanAbsolute: Double
        var largestChannelShift: Double
        var description: String { "mean absolute difference \(meanAbsolute), largest channel shift \(largestChannelShift)" }
    }

    /// Per-pixel difference of two frames of the same size as `frame` (`other` scaled to it).
    static func difference(_ frame: CameraFrame, _ other: CameraFrame) -> Difference {
        let a = frame.rgbPixels()
        let b = other.rgbPixels(width: frame.width, height: frame.height)
        var absolute = 0.0
        var shift = [0.0, 0.0, 0.0]
        for index in a.indices {
            let delta = Double(a[index]) - Double(b[index])
            absolute += abs(delta)
            shift[index % 3] += delta
        }
        let count = Double(a.count)
        return Difference(meanAbsolute: absolute / count, largestChannelShift: shift.map { abs($0) / (count / 3) }.max()!)
    }

}

/// A temporary folder with rendered scenes and videos of them.
private struct Folder {
    let root = (NSTemporaryDirectory() as NSString).appendingPathComponent("video-tests-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true) }

    func path(_ name: String) -> String { (root as NSString).appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Scenes (street, cars, plates) rendered to files.
    func scenes(_ indices: Range<Int>, width: Int, height: Int, fileExtension: String) throws -> [String] {
        let generator = try SceneGenerator(seed: 71, options: SceneOptions(width: width, height: height, fileExtension: fileExtension))
        return try indices.map { index in
            let file = path("\(width)x\(height)-" + generator.fileName(ofScene: index))
            try generator.renderScene(index, to: file)
            return file
        }
    }

    func scene(_ index: Int, width: Int, height: Int, fileExtension: String) throws -> String {
        try scenes(index..<index + 1, width: width, height: height, fileExtension: fileExtension)[0]
    }

    /// A 960x540 Motion-JPEG video of `frames` rendered scenes.
    func video(frames: Int, framesPerSecond: Double) throws -> String {
        let video = path("scenes.avi")
        let writer = try VideoWriter(path: video, framesPerSecond: framesPerSecond, width: 960, height: 540)
        for scene in try scenes(0..<frames, width: 960, height: 540, fileExtension: "jpg") { try writer.append(imageAt: scene) }
        writer.finish()
        return video
    }
}

/// A TCP port on the loopback that accepts connections (the kernel does) and never answers.
private final class ListeningSocket {
    private var descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = descriptor >= 0 && withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && listen(descriptor, 4) == 0
                    && getsockname(descriptor, pointer, &length) == 0
            }
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        guard listening else { throw LiveSourceError("no loopback socket for the test: \(String(cString: strerror(errno)))") }
    }

    func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    deinit { close() }
}
