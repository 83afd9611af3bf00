import Foundation
import GRDB

/// A number that changes whenever another connection commits to the database: SQLite's
/// `PRAGMA data_version` on one dedicated connection (the value is per connection, so it must
/// always be asked on the same one).
///
/// Asking costs microseconds, far less than reading a snapshot, so every request can check
/// whether its cached document is still current (the pipeline commits a pass at a time).
public final class DatabaseChangeMarker: Sendable {
    private let queue: DatabaseQueue

    /// A read-only connection to the database file at `path`.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "parkscan.serve.change-marker"
        queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// The current marker.
    public func current() throws -> Int64 {
        try queue.inDatabase { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
