import Foundation
import Scanning

/// One case as the fines office receives it: a line of `cases.csv`, an object of
/// `cases.json`. The columns are documented in docs/review.md; times are Berlin time with
/// offset, coordinates WGS 84 of the last sighting.
struct ExportedCase: Encodable {
    struct File: Encodable {
        var sighting: Int
        var kind: String
        /// Relative to the batch folder.
        var path: String
        var sha256: String
        var bytes: Int
    }

    struct Sighting: Encodable {
        var ordinal: Int
        var time: String
        var camera: String
        var latitude: Double?
        var longitude: Double?
        var confidence: Double
        var reads: Int
    }

    var caseId: Int64
    var plate: String
    var country: String?
    var zone: String
    var rule: String
    var detail: String
    var firstSeen: String
    var lastSeen: String
    var confirmedBy: String
    var confirmedAt: String
    var sightings: [Sighting]
    var evidence: [File]

    init(dossier: CaseDossier, files: [File]) {
        let found = dossier.case
        caseId = found.id
        plate = found.plate
        country = found.country
        zone = found.zone
        rule = found.rule
        detail = found.detail
        firstSeen = ReviewTime.text(found.firstSeen)
        lastSeen = ReviewTime.text(found.lastSeen)
        confirmedBy = found.reviewer ?? ""
        confirmedAt = found.reviewedAt.map(ReviewTime.text) ?? ""
        sightings = dossier.sightings.map {
            Sighting(ordinal: $0.ordinal, time: ReviewTime.text($0.seenAt), camera: $0.camera, latitude: $0.latitude,
                     longitude: $0.longitude, confidence: $0.confidence, reads: $0.readCount)
        }
        evidence = files
    }

    static let csvHeader = "case_id,plate,country,zone,rule,detail,first_seen,last_seen,latitude,longitude,"
        + "confirmed_by,confirmed_at,evidence_files,evidence_sha256"

    var csvLine: String {
        let last = sightings.last
        let fields = [String(caseId), plate, country ?? "", zone, rule, detail, firstSeen, lastSeen,
                      last?.latitude.map { String(format: "%.6f", $0) } ?? "", last?.longitude.map { String(format: "%.6f", $0) } ?? "",
                      confirmedBy, confirmedAt, evidence.map(\.path).joined(separator: ";"), evidence.map(\.sha256).joined(separator: ";")]
        return fields.map(Self.csvField).joined(separator: ",")
    }

    /// RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run it.
    static func csvField(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
