import Crypto
import Foundation

/// Keyed hashing and sealing under one day key.
///
/// `hash` is HMAC-SHA256 of the plate key: equal plates give equal hashes while the key
/// exists, and no one can test a guessed plate against it once the key is gone (a plain hash
/// could be tested against every plate there is). `seal` is AES-256-GCM (nonce, ciphertext
/// and tag in one blob); `open` fails on any change to the blob.
public struct PlateSeal {
    let key: SymmetricKey

    public init(key: SymmetricKey) {
        self.key = key
    }

    /// A fresh random 256-bit key.
    public static func newKey() -> SymmetricKey { SymmetricKey(size: .bits256) }

    public func hash(plateKey: String) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data(plateKey.utf8), using: key))
    }

    public func seal(_ plaintext: Data) throws -> Data {
        guard let combined = try AES.GCM.seal(plaintext, using: key).combined else {
            throw ScanError(message: "AES-GCM gave no combined box")
        }
        return combined
    }

    public func open(_ sealed: Data) throws -> Data {
        try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: key)
    }
}
