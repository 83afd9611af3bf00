import Enforcement
import Foundation

/// Occupancy as CSV (RFC 4180: comma, CRLF, fields quoted when needed, header row): one row
/// per zone and time bucket, oldest bucket first, zones in map order within a bucket.
///
/// Columns: `zone,name,kind,periodStart,periodEnd,capacity,vehicles,occupancyPercent,resident,
/// paid,exempt,suspected,unread,unchecked,meanDwellMinutes`. Times are ISO 8601 with the
/// Berlin offset; `occupancyPercent` is vehicles per space (may exceed 100) and empty for a zone
/// without spaces; `meanDwellMinutes` is empty when no car was seen in two passes.
public struct OccupancyCSV: Sendable {
    public static let header = ["zone", "name", "kind", "periodStart", "periodEnd", "capacity", "vehicles",
                                "occupancyPercent", "resident", "paid", "exempt", "suspected", "unread", "unchecked",
                                "meanDwellMinutes"]

    public init() {}

    public func csv(_ snapshot: OccupancySnapshot) -> String {
        let zones = Dictionary(snapshot.zones.map { ($0.zone.id, $0.zone) }, uniquingKeysWith: { a, _ in a })
        var out = Self.header.joined(separator: ",") + "\r\n"
        for bucket in snapshot.buckets {
            guard let zone = zones[bucket.zoneID] else { continue }
            let fields: [String] = [
                zone.id, zone.name, zone.kind.rawValue,
                OccupancyTime.format(bucket.periodStart), OccupancyTime.format(bucket.periodEnd),
                String(zone.capacity), String(bucket.vehicles),
                zone.capacity > 0 ? DatexNumber.decimal(100 * Double(bucket.vehicles) / Double(zone.capacity), decimals: 1) : "",
                String(bucket.resident), String(bucket.paid), String(bucket.exempt), String(bucket.suspected),
                String(bucket.unread), String(bucket.unchecked),
                bucket.meanDwell.map { DatexNumber.decimal($0 / 60, decimals: 1) } ?? "",
            ]
            out += fields.map(Self.field).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// A field, quoted when it holds a comma, quote or line break (quotes doubled).
    public static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
