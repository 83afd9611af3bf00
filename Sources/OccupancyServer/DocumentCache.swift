import Foundation
import OccupancyExport

/// Rendered documents per (format, query), valid for one database change marker.
///
/// A poll whose data has not changed costs a marker check and a dictionary lookup: no
/// snapshot read, no rendering. At most ``capacity`` documents are kept (clients can vary
/// `?at=` without end); when full, documents of older markers go first, then any.
///
/// Also keeps the Last-Modified time of each data version: the time the server first saw it,
/// whole seconds, and always at least a second after the previous version's, because
/// If-Modified-Since compares whole seconds and two passes committed within one second must
/// not look unchanged to a client that saw the first.
actor DocumentCache {
    struct Key: Hashable {
        let format: OccupancyExportFormat
        let query: OccupancyQuery
    }

    let capacity: Int
    /// Documents with the database marker they were rendered at; nil for documents that do not
    /// depend on the database (the parking table).
    private var entries: [Key: (marker: Int64?, document: RenderedDocument)] = [:]
    private var currentMarker: Int64?
    private var currentVersionTime = Date(timeIntervalSince1970: 0)

    init(capacity: Int = 64) {
        self.capacity = capacity
    }

    /// The cached document for `key` if it was rendered at `marker` (nil: a document that does
    /// not depend on the database), and the version time of the database at `marker`, for a
    /// document to be rendered now.
    func lookup(_ key: Key, marker: Int64?, now: Date = Date()) -> (document: RenderedDocument?, versionTime: Date) {
        if let marker, marker != currentMarker {
            currentMarker = marker
            let second = now.timeIntervalSince1970.rounded(.down)
            currentVersionTime = Date(timeIntervalSince1970: max(second, currentVersionTime.timeIntervalSince1970 + 1))
        }
        if let entry = entries[key], entry.marker == marker { return (entry.document, currentVersionTime) }
        return (nil, currentVersionTime)
    }

    func store(_ document: RenderedDocument, for key: Key, marker: Int64?) {
        if entries[key] == nil, entries.count >= capacity {
            entries = entries.filter { $0.value.marker == nil || $0.value.marker == currentMarker }
            if entries.count >= capacity, let any = entries.keys.first { entries[any] = nil }
        }
        entries[key] = (marker, document)
    }

    var count: Int { entries.count }
}
