/// The export formats, by the names the command line and the documentation use.
public enum OccupancyExportFormat: String, Sendable, CaseIterable {
    /// DATEX II v3 `ParkingTablePublication` (static: zones, capacity, location).
    case datexTable = "datex-table"
    /// DATEX II v3 `ParkingStatusPublication` (dynamic: occupancy per zone).
    case datexStatus = "datex-status"
    /// GeoJSON `FeatureCollection` with occupancy properties.
    case geojson
    /// CSV, one row per zone and time bucket.
    case csv

    /// The HTTP media type of the format.
    public var mediaType: String {
        switch self {
        case .datexTable, .datexStatus: "application/xml; charset=utf-8"
        case .geojson: "application/geo+json"
        case .csv: "text/csv; charset=utf-8; header=present"
        }
    }

    /// Whether the export reads the database (the table depends on the zone map only).
    public var readsOccupancy: Bool { self != .datexTable }
}
