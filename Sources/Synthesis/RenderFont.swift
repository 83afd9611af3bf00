import CSceneRender

/// Owns a CSceneRender font handle (not thread-safe: it caches glyphs).
final class RenderFont {
    let handle: OpaquePointer

    init(path: String) throws {
        var font: OpaquePointer?
        try renderCall(path: path) { CSceneRender_FontCreate(path, &font, $0) }
        guard let font else { throw SynthesisError(path: path, message: "font handle missing") }
        handle = font
    }

    deinit {
        CSceneRender_FontFree(handle)
    }
}
