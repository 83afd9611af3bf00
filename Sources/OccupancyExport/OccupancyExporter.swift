import Enforcement
import Foundation

/// Renders any export format for a query: the one entry point of `parkscan occupancy export`
/// and `parkscan serve`, so both give the same bytes for the same data.
public struct OccupancyExporter: Sendable {
    public let store: OccupancyStore
    public let publisher: DatexPublisher
    public let thresholds: OccupancyThresholds

    public init(store: OccupancyStore, publisher: DatexPublisher = .standard, thresholds: OccupancyThresholds = .standard) {
        self.store = store
        self.publisher = publisher
        self.thresholds = thresholds
    }

    public var table: DatexTablePublication { DatexTablePublication(map: store.map, publisher: publisher) }

    /// The document in `format` for `query`, published at `publicationTime` (DATEX only).
    public func render(_ format: OccupancyExportFormat, query: OccupancyQuery, publicationTime: Date) throws -> String {
        switch format {
        case .datexTable:
            return try table.xml(query: query, publicationTime: publicationTime)
        default:
            return try render(format, snapshot: store.snapshot(query, includeBuckets: format == .csv),
                              publicationTime: publicationTime)
        }
    }

    /// ``render(_:query:publicationTime:)`` reading the database without blocking the thread.
    public func render(_ format: OccupancyExportFormat, query: OccupancyQuery, publicationTime: Date) async throws -> String {
        switch format {
        case .datexTable:
            return try table.xml(query: query, publicationTime: publicationTime)
        default:
            return try render(format, snapshot: await store.snapshot(query, includeBuckets: format == .csv),
                              publicationTime: publicationTime)
        }
    }

    /// The document in `format` for a snapshot already read.
    public func render(_ format: OccupancyExportFormat, snapshot: OccupancySnapshot, publicationTime: Date) throws -> String {
        switch format {
        case .datexTable: try table.xml(query: snapshot.query, publicationTime: publicationTime)
        case .datexStatus: try DatexStatusPublication(table: table, thresholds: thresholds).xml(snapshot, publicationTime: publicationTime)
        case .geojson: OccupancyGeoJSON(thresholds: thresholds).json(snapshot)
        case .csv: OccupancyCSV().csv(snapshot)
        }
    }
}
