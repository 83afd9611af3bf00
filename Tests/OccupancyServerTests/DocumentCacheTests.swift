import Foundation
import Hummingbird
import OccupancyExport
@testable import OccupancyServer
import Testing

@Suite struct DocumentCacheTests {
    private func document(_ text: String) -> RenderedDocument {
        RenderedDocument(body: ByteBuffer(string: text), mediaType: "text/plain", etag: "\"\(text)\"", lastModified: Date())
    }

    @Test func documentsAreValidForTheirMarkerOnly() async {
        let cache = DocumentCache(capacity: 4)
        let key = DocumentCache.Key(format: .datexStatus, query: OccupancyQuery())
        let start = Date(timeIntervalSince1970: 1_000_000)
        let (none, firstVersion) = await cache.lookup(key, marker: 1, now: start)
        #expect(none == nil)
        await cache.store(document("a"), for: key, marker: 1)
        #expect(await cache.lookup(key, marker: 1, now: start).document?.etag == "\"a\"")
        // A new marker in the same second still gets a later version time.
        let (stale, secondVersion) = await cache.lookup(key, marker: 2, now: start)
        #expect(stale == nil)
        #expect(secondVersion.timeIntervalSince(firstVersion) == 1)
        // Documents that do not depend on the database survive marker changes and do not move it.
        let table = DocumentCache.Key(format: .datexTable, query: OccupancyQuery())
        await cache.store(document("t"), for: table, marker: nil)
        #expect(await cache.lookup(table, marker: nil, now: start).document?.etag == "\"t\"")
        #expect(await cache.lookup(key, marker: 2, now: start).versionTime == secondVersion)
    }

    @Test func theCacheIsBounded() async {
        let cache = DocumentCache(capacity: 4)
        for minute in 0..<50 {
            let key = DocumentCache.Key(format: .csv, query: OccupancyQuery(at: Date(timeIntervalSince1970: Double(minute) * 60)))
            _ = await cache.lookup(key, marker: 7)
            await cache.store(document("\(minute)"), for: key, marker: 7)
        }
        #expect(await cache.count <= 4)
    }
}
