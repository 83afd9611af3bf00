import Foundation
import GRDB
import Scanning

/// Where a case's evidence files are on disk.
///
/// `caseEvidence.path` is relative to the evidence folder of the scan (`parkscan scan
/// --evidence`). The scan records that folder in `scanRun.evidenceFolder`; databases written
/// before that need `--evidence DIR`, and `override` wins anyway (the folder was moved).
public struct EvidenceLocation: Sendable {
    /// The `--evidence` default of `parkscan scan`.
    public static let scanDefault = "evidence"

    public var override: String?

    public init(override: String? = nil) {
        self.override = override
    }

    /// The folder of `scanRun`'s evidence.
    public func folder(scanRun: String, in db: Database) throws -> String {
        if let override { return override }
        let recorded = try String.fetchOne(db, sql: "SELECT evidenceFolder FROM scanRun WHERE id = ?", arguments: [scanRun])
        return recorded ?? Self.scanDefault
    }

    /// The absolute file of `relative` under `folder`; nil when the stored path would leave
    /// the folder (a tampered database must not make us read or delete other files).
    public static func file(_ relative: String, in folder: String) -> String? {
        guard !relative.hasPrefix("/"), !relative.split(separator: "/").contains("..") else { return nil }
        return URL(fileURLWithPath: folder).appendingPathComponent(relative).path
    }
}

/// An evidence file of a case, checked against its recorded SHA-256.
public struct CheckedEvidence: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        case intact
        case missing
        /// The file's bytes hash to `actual`, not to the recorded hash.
        case mismatch(actual: String)
        case outsideFolder
    }

    public var record: CaseEvidenceRecord
    /// The absolute file (nil when the stored path is not inside the evidence folder).
    public var file: String?
    public var state: State

    public var isIntact: Bool { state == .intact }

    /// What is wrong, for a person: "bench-out/ev/.../1-plate.jpg: SHA-256 is 3f.., the database has 9a..".
    public var problem: String? {
        switch state {
        case .intact: nil
        case .missing: "\(file ?? record.path): evidence file missing"
        case .mismatch(let actual): "\(file ?? record.path): SHA-256 mismatch: the file hashes to \(actual), the database records \(record.sha256) (changed on disk)"
        case .outsideFolder: "\(record.path): evidence path leaves the evidence folder; refused"
        }
    }

    /// Reads the file and compares its SHA-256 with the record.
    public static func check(_ record: CaseEvidenceRecord, folder: String) -> CheckedEvidence {
        guard let file = EvidenceLocation.file(record.path, in: folder) else {
            return CheckedEvidence(record: record, file: nil, state: .outsideFolder)
        }
        guard let bytes = FileManager.default.contents(atPath: file) else {
            return CheckedEvidence(record: record, file: file, state: .missing)
        }
        let actual = EvidenceFile.sha256Hex(bytes)
        return CheckedEvidence(record: record, file: file, state: actual == record.sha256 ? .intact : .mismatch(actual: actual))
    }
}
