import Foundation

/// The video shim (`libParkScanVideo.so`, the CVideoSource target), loaded on first use.
///
/// It is not linked into `parkscan`: FFmpeg's libraries pull in about 130 more (codecs,
/// TLS), 25 MB and ~0.15 s when loaded on their own, which every start of `parkscan read`
/// would pay. Only `watch` and `parkscan-synth video` load it, with `dlopen`.
///
/// Searched in `PARKSCAN_VIDEO_LIBRARY` (a file), beside the running executable, in `../lib`
/// from it, then by the dynamic linker's search path.
public final class VideoLibrary: @unchecked Sendable {
    public static let fileName = "libParkScanVideo.so"

    typealias Open = @convention(c) (UnsafePointer<CChar>?, Int32, Int32, Double, UnsafeMutablePointer<CChar>?, Int) -> OpaquePointer?
    typealias PassJPEG = @convention(c) (OpaquePointer?) -> Int32
    typealias Grab = @convention(c) (OpaquePointer?, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<CChar>?, Int) -> Int32
    typealias Retrieve = @convention(c) (OpaquePointer?, UnsafeMutablePointer<UnsafePointer<UInt8>?>?, UnsafeMutablePointer<Int32>?,
                                         UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int>?, UnsafeMutablePointer<CChar>?, Int) -> Int32
    typealias RetrieveJPEG = @convention(c) (OpaquePointer?, UnsafeMutablePointer<UnsafePointer<UInt8>?>?, UnsafeMutablePointer<Int>?,
                                             UnsafeMutablePointer<CChar>?, Int) -> Int32
    typealias FramesPerSecond = @convention(c) (OpaquePointer?) -> Double
    typealias FrameCount = @convention(c) (OpaquePointer?) -> Int64
    typealias Close = @convention(c) (OpaquePointer?) -> Void
    typealias WriterOpen = @convention(c) (UnsafePointer<CChar>?, Double, Int32, Int32, UnsafeMutablePointer<CChar>?, Int) -> OpaquePointer?
    typealias WriterAppend = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafeMutablePointer<CChar>?, Int) -> Int32

    let open: Open
    let passJPEG: PassJPEG
    let grab: Grab
    let retrieve: Retrieve
    let retrieveJPEG: RetrieveJPEG
    let framesPerSecond: FramesPerSecond
    let frameCount: FrameCount
    let close: Close
    let writerOpen: WriterOpen
    let writerAppend: WriterAppend
    let writerClose: Close

    /// The library, loaded once per process.
    public static func shared() throws(LiveSourceError) -> VideoLibrary {
        try loaded.get()
    }

    private static let loaded: Result<VideoLibrary, LiveSourceError> = Result { () throws(LiveSourceError) in try VideoLibrary() }

    private init() throws(LiveSourceError) {
        OpenMPThreadLimit.setDefaultBeforeLoading()
        var tried: [String] = []
        var handle: UnsafeMutableRawPointer?
        for candidate in Self.candidates() {
            tried.append(candidate)
            handle = dlopen(candidate, RTLD_NOW | RTLD_LOCAL)
            if handle != nil { break }
        }
        guard let handle else {
            let reason = dlerror().map { String(cString: $0) } ?? "not found"
            throw LiveSourceError("video support (\(Self.fileName)) could not be loaded (\(reason)); tried \(tried.joined(separator: ", ")). "
                + "Build it with `swift build -c release --product ParkScanVideo` (`make build` does), or set PARKSCAN_VIDEO_LIBRARY")
        }
        func symbol<T>(_ name: String, as type: T.Type) throws(LiveSourceError) -> T {
            guard let pointer = dlsym(handle, name) else { throw LiveSourceError("\(Self.fileName) has no \(name): rebuild it") }
            return unsafeBitCast(pointer, to: type)
        }
        open = try symbol("CVideoSource_Open", as: Open.self)
        passJPEG = try symbol("CVideoSource_PassJPEG", as: PassJPEG.self)
        grab = try symbol("CVideoSource_Grab", as: Grab.self)
        retrieve = try symbol("CVideoSource_Retrieve", as: Retrieve.self)
        retrieveJPEG = try symbol("CVideoSource_RetrieveJPEG", as: RetrieveJPEG.self)
        framesPerSecond = try symbol("CVideoSource_FramesPerSecond", as: FramesPerSecond.self)
        frameCount = try symbol("CVideoSource_FrameCount", as: FrameCount.self)
        close = try symbol("CVideoSource_Close", as: Close.self)
        writerOpen = try symbol("CVideoSource_WriterOpen", as: WriterOpen.self)
        writerAppend = try symbol("CVideoSource_WriterAppendImage", as: WriterAppend.self)
        writerClose = try symbol("CVideoSource_WriterClose", as: Close.self)
    }

    private static func candidates() -> [String] {
        var paths: [String] = []
        if let path = ProcessInfo.processInfo.environment["PARKSCAN_VIDEO_LIBRARY"], !path.isEmpty { paths.append(path) }
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            let folder = (executable as NSString).deletingLastPathComponent
            paths.append((folder as NSString).appendingPathComponent(fileName))
            paths.append(((folder as NSString).deletingLastPathComponent as NSString).appendingPathComponent("lib/" + fileName))
        }
        paths.append(fileName)
        return paths
    }

    /// Runs `body` with a message buffer for the shim and returns its text.
    static func withMessage<R>(_ body: (UnsafeMutablePointer<CChar>, Int) -> R) -> (R, String) {
        var buffer = [CChar](repeating: 0, count: 512)
        let result = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, $0.count) }
        return (result, String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
}

/// A video source or file that cannot be used, with a message naming it.
public struct LiveSourceError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
