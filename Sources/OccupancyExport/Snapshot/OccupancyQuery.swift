import Enforcement
import Foundation

/// Which part of the occupancy to export: the state at a time, for some zones.
///
/// Built from command-line options or an HTTP query string by ``parse(at:zones:map:)``, which
/// checks every value against the zone map so that a typo is an error, never an empty export.
public struct OccupancyQuery: Sendable, Hashable {
    /// The state as it was at this time (the latest pass that had ended by then); nil for the
    /// latest state.
    public var at: Date?
    /// Zone ids to include, in the map's order; empty for all zones.
    public var zoneIDs: [String]

    public init(at: Date? = nil, zoneIDs: [String] = []) {
        self.at = at
        self.zoneIDs = zoneIDs
    }

    /// A query from text values: `at` in the forms ``OccupancyTime`` accepts, `zones` as ids,
    /// each possibly a comma-separated list. Throws ``OccupancyExportError`` naming the bad
    /// value.
    public static func parse(at: String?, zones: [String], map: ZoneMap) throws(OccupancyExportError) -> OccupancyQuery {
        var query = OccupancyQuery()
        if let at {
            query.at = try OccupancyTime.parse(at)
        }
        var wanted = Set<String>()
        for item in zones.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            let id = item.trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty else { throw OccupancyExportError.emptyZone }
            guard map.zone(id: id) != nil else { throw OccupancyExportError.unknownZone(id, known: map.zones.map(\.id)) }
            wanted.insert(id)
        }
        query.zoneIDs = map.zones.map(\.id).filter(wanted.contains)
        return query
    }

    /// The zones of `map` this query selects, in map order.
    public func zones(in map: ZoneMap) -> [ParkingZone] {
        guard !zoneIDs.isEmpty else { return map.zones }
        let wanted = Set(zoneIDs)
        return map.zones.filter { wanted.contains($0.id) }
    }
}
