import Foundation

/// The shared secret a client must send as `Authorization: Bearer <token>`.
///
/// Read once at start from a file (so it is neither on the command line, where `ps` shows
/// it, nor in the shell history); surrounding white space and the trailing newline are
/// ignored. Compared in constant time: the time a wrong guess takes must not tell how many
/// of its first characters were right.
public struct BearerToken: Sendable {
    /// Shorter tokens can be guessed: 16 characters of `openssl rand -hex 16` are 64 bits.
    public static let minimumLength = 16

    private let bytes: [UInt8]

    /// A token from its text; throws when it is too short or has characters a header cannot carry.
    public init(_ text: String, source: String = "the token") throws(BearerTokenError) {
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw BearerTokenError("\(source) is empty; write a random token into it, "
            + "e.g. `openssl rand -hex 32 > \(source)`") }
        guard token.count >= Self.minimumLength else {
            throw BearerTokenError("\(source): the token has \(token.count) characters, at least \(Self.minimumLength) "
                + "are needed (e.g. `openssl rand -hex 32 > \(source)`)")
        }
        // RFC 6750 token68 characters: what a client can put in the header unchanged.
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/=")
        guard token.allSatisfy(allowed.contains) else {
            throw BearerTokenError("\(source): the token may hold only letters, digits and - . _ ~ + / = "
                + "(RFC 6750), one line")
        }
        bytes = Array(token.utf8)
    }

    /// The token in the file at `path`.
    public static func load(path: String) throws(BearerTokenError) -> BearerToken {
        guard FileManager.default.fileExists(atPath: path) else {
            throw BearerTokenError("\(path): no such token file; create one with `openssl rand -hex 32 > \(path)` "
                + "and give it to the traffic centre")
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw BearerTokenError("\(path): cannot read the token file: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw BearerTokenError("\(path): the token file is not UTF-8 text") }
        return try BearerToken(text, source: path)
    }

    /// Whether the `Authorization` header value carries this token. Constant time in the
    /// token's length whatever the header holds.
    public func matches(authorization header: String?) -> Bool {
        guard let header else { return false }
        let prefix = "bearer "
        guard header.count > prefix.count, header.prefix(prefix.count).lowercased() == prefix else { return false }
        let given = Array(header.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces).utf8)
        var difference = UInt8(given.count == bytes.count ? 0 : 1)
        for index in bytes.indices {
            difference |= bytes[index] ^ (index < given.count ? given[index] : 0)
        }
        return difference == 0
    }
}

/// A token file that cannot be used, and what to do about it.
public struct BearerTokenError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
