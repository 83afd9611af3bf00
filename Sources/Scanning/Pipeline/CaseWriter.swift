import Enforcement
import Foundation
import GRDB

/// Writes a case: its row, its two sightings and their evidence files with SHA-256.
///
/// Files go to `<evidence>/<scan>/case-<id>/<ordinal>-overview.jpg` and `-plate.jpg`; a crashed
/// run's files are simply overwritten when the pass is done again (the case id comes out the
/// same, since the transaction that took it was rolled back).
struct CaseWriter {
    let scanRun: String
    let evidenceFolder: String
    let renderer: EvidenceRenderer

    func raise(plate: FusedPlate, zone: String, rule: ViolatedRule, detail: String, earlier: PendingMatch,
               later: Sighting, in db: Database) throws {
        var record = CaseRecord(id: nil, scanRun: scanRun, plate: plate.text, country: plate.country ?? earlier.details.country,
                                zone: zone, rule: rule.rawValue, detail: detail, status: CaseRecord.pendingReview,
                                firstSeen: earlier.seenAt, lastSeen: later.time)
        try record.insert(db)
        guard let id = record.id else { throw ScanError(message: "case without id") }
        let first = earlier.details
        try sightingRecord(id: id, ordinal: 1, seenAt: first.seenAt, camera: first.camera, frame: first.frame,
                           latitude: first.latitude, longitude: first.longitude, confidence: first.confidence,
                           agreement: first.agreement, readCount: first.readCount, alternatives: first.alternatives).insert(db)
        try sightingRecord(id: id, ordinal: 2, seenAt: later.time, camera: later.camera, frame: later.bestObservation.framePath,
                           latitude: later.position?.latitude, longitude: later.position?.longitude,
                           confidence: later.plate.confidence, agreement: later.plate.agreement,
                           readCount: later.plate.readCount, alternatives: later.plate.alternatives).insert(db)
        let earlierImages = try images(of: earlier, in: db)
        let laterImages = try renderer.images(of: later.bestObservation)
        let folder = "\(Self.folderName(scanRun))/case-\(id)"
        let files: [(Int, String, Data?)] = [
            (1, "overview", earlierImages.overview), (1, "plate", earlierImages.crop),
            (2, "overview", laterImages.overview), (2, "plate", laterImages.plateCrop),
        ]
        for (ordinal, kind, bytes) in files {
            guard let bytes else { continue }
            let file = try EvidenceFile.write(bytes, kind: kind, path: "\(folder)/\(ordinal)-\(kind).jpg", folder: evidenceFolder)
            try CaseEvidenceRecord(caseId: id, ordinal: ordinal, kind: kind, path: file.path, sha256: file.sha256,
                                   byteCount: file.byteCount).insert(db)
        }
    }

    /// The first sighting's overview and plate crop: rendered now from its kept frame (faces
    /// blurred), or as they were rendered when it was stored.
    private func images(of earlier: PendingMatch, in db: Database) throws -> (overview: Data?, crop: Data?) {
        switch try PendingStore.evidence(of: earlier, in: db) {
        case .frame(let bytes):
            guard let box = earlier.details.plateBox else { return (nil, nil) }
            let images = try renderer.images(encoded: bytes, box: box, name: earlier.details.frame)
            return (images.overview, images.plateCrop)
        case .rendered(let overview, let crop):
            return (overview, crop)
        }
    }

    private func sightingRecord(id: Int64, ordinal: Int, seenAt: Date, camera: String, frame: String, latitude: Double?,
                                longitude: Double?, confidence: Double, agreement: Double, readCount: Int,
                                alternatives: [FusedPlate.Alternative]) throws -> CaseSightingRecord {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return CaseSightingRecord(caseId: id, ordinal: ordinal, seenAt: seenAt, camera: camera, frame: frame,
                                  latitude: latitude, longitude: longitude, confidence: confidence, agreement: agreement,
                                  readCount: readCount, alternatives: String(decoding: try encoder.encode(alternatives), as: UTF8.self))
    }

    /// The scan id made safe as a folder name.
    static func folderName(_ scanRun: String) -> String {
        String(scanRun.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
    }
}
