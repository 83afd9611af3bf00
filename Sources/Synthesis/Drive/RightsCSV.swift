/// The three rights files of a drive's `rights/` folder, in the importer's formats (times
/// ISO 8601 with offset; lists separated by `;`), each with the importer's optional last
/// column `country`: empty for German plates, the country code for foreign ones.
enum RightsCSV {
    static let permitsHeader = "reference,plate,areas,valid_from,valid_to,country"
    static let sessionsHeader = "reference,source,plate,zone,start,end,country"
    static let exemptionsHeader = "reference,plate,reason,zones,valid_from,valid_to,country"

    static func permits(_ rows: [ResidentPermitRecord]) -> String {
        table(permitsHeader, rows.map {
            [$0.reference, $0.plate, $0.areas.joined(separator: ";"), DriveTimestamp.iso($0.validFrom), DriveTimestamp.iso($0.validTo),
             $0.country]
        })
    }

    static func sessions(_ rows: [PaidSessionRecord]) -> String {
        table(sessionsHeader, rows.map {
            [$0.reference, $0.source, $0.plate, $0.zone, DriveTimestamp.iso($0.start), DriveTimestamp.iso($0.end), $0.country]
        })
    }

    static func exemptions(_ rows: [ExemptionRecord]) -> String {
        table(exemptionsHeader, rows.map {
            [$0.reference, $0.plate, $0.reason, $0.zones.joined(separator: ";"), DriveTimestamp.iso($0.validFrom),
             DriveTimestamp.iso($0.validTo), $0.country]
        })
    }

    private static func table(_ header: String, _ rows: [[String]]) -> String {
        ([header] + rows.map { $0.map(GroundTruthCSV.field).joined(separator: ",") }).joined(separator: "\n") + "\n"
    }
}
