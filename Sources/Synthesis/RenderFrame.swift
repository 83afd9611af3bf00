import CSceneRender

/// Owns a CSceneRender frame handle.
final class RenderFrame {
    let handle: OpaquePointer

    init(width: Int, height: Int) throws {
        var frame: OpaquePointer?
        try renderCall(path: nil) { CSceneRender_FrameCreate(Int32(clamping: width), Int32(clamping: height), &frame, $0) }
        guard let frame else { throw SynthesisError(message: "frame handle missing") }
        handle = frame
    }

    init(adopting handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        CSceneRender_FrameFree(handle)
    }

    /// Writes a JPEG or PNG (by extension); `jpegQuality` also applies JPEG artefacts to PNGs when > 0.
    func save(to path: String, jpegQuality: Int) throws {
        try renderCall(path: path) { CSceneRender_FrameSave(handle, path, Int32(clamping: jpegQuality), $0) }
    }
}
