import CSceneRender

/// Calls a CSceneRender function and turns a failure status into a ``SynthesisError``.
func renderCall(path: String?, _ body: (UnsafeMutablePointer<CSceneRender_Status>) -> Int32) throws {
    var status = CSceneRender_Status()
    let code = body(&status)
    guard code != 0 else { return }
    let message = withUnsafeBytes(of: status.message) { bytes in
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }
    throw SynthesisError(path: path, message: message.isEmpty ? "scene renderer failed with code \(code)" : message)
}

/// `body` with a C string for `text`, or NULL when `text` is nil.
func withOptionalCString<R>(_ text: String?, _ body: (UnsafePointer<CChar>?) throws -> R) rethrows -> R {
    guard let text else { return try body(nil) }
    return try text.withCString { try body($0) }
}

extension RGB {
    var c: CSceneRender_Color { CSceneRender_Color(r: r, g: g, b: b) }
}
