import ArgumentParser
import Enforcement
import Foundation
import GRDB
import Scanning

/// `parkscan cases [--json]`: the suspected violations in the database.
struct Cases: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the cases (suspected violations) for review.")

    @Option(name: .customLong("db"), help: "The database file.")
    var database = ParkScanDatabase.defaultPath

    @Flag(help: "One JSON object per case and line, with sightings and evidence.")
    var json = false

    @Option(help: "Only cases with this status (e.g. pending_review).")
    var status: String?

    func run() throws {
        guard FileManager.default.fileExists(atPath: database) else { throw CommandFailure("\(database): no such database") }
        let store = try ParkScanDatabase(path: database)
        let rows = try store.writer.read { db in
            var request = CaseRecord.order(CaseRecord.Columns.id)
            if let status { request = request.filter(CaseRecord.Columns.status == status) }
            return try request.fetchAll(db).map { record in
                (record,
                 try CaseSightingRecord.filter(CaseSightingRecord.Columns.caseId == record.id).order(CaseSightingRecord.Columns.ordinal).fetchAll(db),
                 try CaseEvidenceRecord.filter(CaseEvidenceRecord.Columns.caseId == record.id).order(CaseEvidenceRecord.Columns.ordinal).fetchAll(db))
            }
        }
        let time = ISO8601DateFormatter()
        time.timeZone = TimeZone(identifier: "Europe/Berlin")
        time.formatOptions = [.withInternetDateTime]
        if json {
            for (record, sightings, evidence) in rows {
                let object: [String: Any] = [
                    "id": record.id ?? 0, "plate": record.plate, "country": record.country ?? NSNull(), "zone": record.zone,
                    "rule": record.rule, "detail": record.detail, "status": record.status,
                    "firstSeen": time.string(from: record.firstSeen), "lastSeen": time.string(from: record.lastSeen),
                    "sightings": sightings.map { s -> [String: Any] in
                        ["ordinal": s.ordinal, "time": time.string(from: s.seenAt), "camera": s.camera, "frame": s.frame,
                         "latitude": s.latitude ?? NSNull(), "longitude": s.longitude ?? NSNull(), "confidence": s.confidence,
                         "agreement": s.agreement, "reads": s.readCount,
                         "alternatives": (try? JSONSerialization.jsonObject(with: Data(s.alternatives.utf8))) ?? []]
                    },
                    "evidence": evidence.map { ["sighting": $0.ordinal, "kind": $0.kind, "path": $0.path, "sha256": $0.sha256] },
                ]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
                print(String(decoding: data, as: UTF8.self))
            }
            return
        }
        print("id    plate         zone        rule                    first seen            last seen             status")
        func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
        for (record, _, _) in rows {
            print(pad("\(record.id ?? 0)", 5) + " " + pad(record.plate, 13) + " " + pad(record.zone, 11) + " "
                + pad(record.rule, 23) + " " + pad(time.string(from: record.firstSeen), 21) + " "
                + pad(time.string(from: record.lastSeen), 21) + " " + record.status)
        }
        print("\(rows.count) case(s)")
    }
}
