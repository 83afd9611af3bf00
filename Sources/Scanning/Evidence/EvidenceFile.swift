import Crypto
import Foundation

/// An evidence file written for a case: where (relative to the evidence folder) and its SHA-256.
public struct EvidenceFile: Sendable, Equatable, Codable {
    public var kind: String
    public var path: String
    public var sha256: String
    public var byteCount: Int

    /// Writes `bytes` to `folder/path` (creating folders; replacing a file a crashed run
    /// left) and hashes them.
    public static func write(_ bytes: Data, kind: String, path: String, folder: String) throws -> EvidenceFile {
        let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: url, options: .atomic)
        } catch {
            throw ScanError(message: "\(url.path): cannot write evidence: \(error.localizedDescription)")
        }
        return EvidenceFile(kind: kind, path: path, sha256: sha256Hex(bytes), byteCount: bytes.count)
    }

    public static func sha256Hex(_ bytes: Data) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
