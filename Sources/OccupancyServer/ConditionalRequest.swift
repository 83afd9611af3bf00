import Foundation
import Hummingbird

/// Whether a GET may be answered 304 Not Modified (RFC 9110 § 13.1.2, § 13.1.3, § 13.2.2).
///
/// If-None-Match wins when present (weak comparison: `W/"x"` matches `"x"`; `*` matches any);
/// only without it is If-Modified-Since looked at. A date that cannot be read is ignored.
enum ConditionalRequest {
    static func isNotModified(_ headers: HTTPFields, etag: String, lastModified: Date) -> Bool {
        if let ifNoneMatch = headers[values: .ifNoneMatch].nonEmpty {
            let wanted = opaque(etag)
            for list in ifNoneMatch {
                for tag in list.split(separator: ",") {
                    let tag = tag.trimmingCharacters(in: .whitespaces)
                    if tag == "*" || opaque(tag) == wanted { return true }
                }
            }
            return false
        }
        if let text = headers[.ifModifiedSince], let since = HTTPDate.parse(text) {
            return lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
        }
        return false
    }

    private static func opaque(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }
}

private extension Array {
    var nonEmpty: Self? { isEmpty ? nil : self }
}
