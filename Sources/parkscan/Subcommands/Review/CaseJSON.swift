import Foundation
import Review

/// The JSON forms of `review list --json` and `review show --json` (keys sorted).
enum CaseJSON {
    static func summary(_ row: CaseSummary) -> [String: Any] {
        let found = row.case
        var object: [String: Any] = [
            "id": found.id, "plate": found.plate, "country": found.country ?? NSNull(), "zone": found.zone, "rule": found.rule,
            "detail": found.detail, "status": found.status, "firstSeen": ReviewTime.text(found.firstSeen),
            "lastSeen": ReviewTime.text(found.lastSeen), "readConfidence": row.readConfidence ?? NSNull(), "revision": found.revision,
        ]
        if let reviewer = found.reviewer { object["reviewer"] = reviewer }
        if let at = found.reviewedAt { object["reviewedAt"] = ReviewTime.text(at) }
        if let reason = found.rejectionReason { object["reason"] = reason }
        if let note = found.reviewNote { object["note"] = note }
        if let original = found.originalPlate { object["originalPlate"] = original }
        if let batch = found.exportBatch { object["exportBatch"] = batch }
        return object
    }

    static func dossier(_ dossier: CaseDossier) -> [String: Any] {
        var object = summary(CaseSummary(case: dossier.case, readConfidence: dossier.readConfidence))
        object["sightings"] = dossier.sightings.map { s -> [String: Any] in
            ["ordinal": s.ordinal, "time": ReviewTime.text(s.seenAt), "camera": s.camera, "frame": s.frame,
             "latitude": s.latitude ?? NSNull(), "longitude": s.longitude ?? NSNull(), "confidence": s.confidence,
             "agreement": s.agreement, "reads": s.readCount,
             "alternatives": (try? JSONSerialization.jsonObject(with: Data(s.alternatives.utf8))) ?? []]
        }
        object["evidenceFolder"] = dossier.evidenceFolder
        object["evidence"] = dossier.evidence.map { e -> [String: Any] in
            var item: [String: Any] = ["sighting": e.record.ordinal, "kind": e.record.kind, "path": e.record.path,
                                       "file": e.file ?? NSNull(), "sha256": e.record.sha256, "intact": e.isIntact]
            if let problem = e.problem { item["problem"] = problem }
            return item
        }
        object["audit"] = dossier.audit.map { entry -> [String: Any] in
            ["sequence": entry.sequence, "time": entry.recordedAt, "reviewer": entry.reviewer, "action": entry.action]
        }
        return object
    }

    static func line(_ object: [String: Any]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
