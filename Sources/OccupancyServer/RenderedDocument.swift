import Foundation
import Hummingbird

/// An export rendered once and served until the data changes: body, media type, strong ETag
/// (fingerprint of the body) and Last-Modified.
struct RenderedDocument: Sendable {
    let body: ByteBuffer
    let mediaType: String
    let etag: String
    let lastModified: Date
}
