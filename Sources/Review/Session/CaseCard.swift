import Foundation

/// A case as text for a terminal: the facts, the sightings, the evidence (paths, hashes,
/// problems), optionally 24-bit colour previews of the plate crops and overviews, and the
/// case's audit entries.
public struct CaseCard {
    public var dossier: CaseDossier
    /// Draw the evidence as colour half blocks.
    public var colour: Bool
    /// List every evidence file with its hash and the audit entries (`show`; `next` is terser).
    public var full: Bool

    public init(dossier: CaseDossier, colour: Bool, full: Bool) {
        self.dossier = dossier
        self.colour = colour
        self.full = full
    }

    public var lines: [String] {
        let found = dossier.case
        var out = ["Case \(found.id)  \(found.plate)\(found.country.map { " (\($0))" } ?? "")  zone \(found.zone)  "
            + "rule \(found.rule)  status \(found.status)"]
        if let original = found.originalPlate { out.append("  read as     \(original) (corrected)") }
        out.append("  detail      \(found.detail)")
        out.append("  seen        \(ReviewTime.text(found.firstSeen)) -> \(ReviewTime.text(found.lastSeen))")
        if found.reviewer != nil {
            out.append("  decided     \(ReviewDesk.lastDecision(found))" + (found.reviewNote.map { ", note: \($0)" } ?? ""))
        }
        if let batch = found.exportBatch { out.append("  exported    \(batch)") }
        for sighting in dossier.sightings {
            let place = sighting.latitude.flatMap { lat in sighting.longitude.map { String(format: "%.6f, %.6f", lat, $0) } } ?? "no position"
            out.append("  sighting \(sighting.ordinal)  \(ReviewTime.text(sighting.seenAt))  camera \(sighting.camera)  "
                + String(format: "confidence %.2f (%d reads, agreement %.2f)", sighting.confidence, sighting.readCount, sighting.agreement)
                + "  \(place)")
            if full, sighting.alternatives != "[]" { out.append("              alternatives \(sighting.alternatives)") }
        }
        if full {
            out.append("  evidence in \(dossier.evidenceFolder)")
            for evidence in dossier.evidence {
                let state = switch evidence.state {
                case .intact: "sha256 ok"
                case .missing: "MISSING"
                case .mismatch: "SHA-256 MISMATCH"
                case .outsideFolder: "REFUSED (path outside the folder)"
                }
                out.append("    \(evidence.record.ordinal)-\(evidence.record.kind)  \(evidence.file ?? evidence.record.path)  \(state)")
            }
        }
        for problem in dossier.evidenceProblems { out.append("  ! \(problem)") }
        if dossier.evidenceProblems.isEmpty, !full { out.append("  evidence    \(dossier.evidence.count) file(s), SHA-256 verified") }
        if colour { out += previewLines }
        if full, !dossier.audit.isEmpty {
            out.append("  audit")
            for entry in dossier.audit {
                out.append("    #\(entry.sequence) \(entry.recordedAt) \(entry.reviewer) \(entry.action)"
                    + (entry.decodedPayload?.after?["status"].map { " -> \($0)" } ?? ""))
            }
        }
        return out
    }

    /// Per sighting: plate crop and overview side by side.
    private var previewLines: [String] {
        var out: [String] = []
        for sighting in dossier.sightings {
            var images: [(caption: String, thumbnail: Thumbnail)] = []
            for (kind, width, height) in [("plate", 32, 16), ("overview", 64, 36)] {
                guard let evidence = dossier.file(kind: kind, ordinal: sighting.ordinal), evidence.isIntact, let file = evidence.file,
                      let thumbnail = try? Thumbnail(path: file, maxWidth: width, maxHeight: height) else { continue }
                images.append(("\(sighting.ordinal) \(kind)", thumbnail))
            }
            if !images.isEmpty { out += TerminalPreview.sideBySide(images) }
        }
        return out
    }
}
