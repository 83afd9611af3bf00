import Foundation
import Hummingbird
import OccupancyExport

/// Answers the data routes: parse and check the query (400), find or render the document,
/// answer 304 or 200 with ETag and Last-Modified.
struct OccupancyRoutes: Sendable {
    let exporter: OccupancyExporter
    let marker: DatabaseChangeMarker
    let cache: DocumentCache
    /// When the server started: the publication and Last-Modified time of the parking table,
    /// which depends on the zone map only.
    let startTime: Date

    static let allowedParameters: Set<Substring> = ["at", "zone"]

    func respond(_ format: OccupancyExportFormat, to request: Request, context: BasicRequestContext) async -> Response {
        let query: OccupancyQuery
        do {
            query = try parse(request)
        } catch {
            return PlainText.response(.badRequest, "\(error)")
        }
        let document: RenderedDocument
        do {
            document = try await self.document(format, query: query)
        } catch let error as OccupancyExportError {
            return PlainText.response(.badRequest, error.description)
        } catch {
            context.logger.error("\(request.uri.path): cannot export the occupancy: \(error)")
            return PlainText.response(.internalServerError, "the occupancy could not be read; see the server log")
        }
        var headers = HTTPFields()
        headers[.eTag] = document.etag
        headers[.lastModified] = HTTPDate.format(document.lastModified)
        // Caches must ask again each time; the ETag makes asking cheap.
        headers[.cacheControl] = "no-cache"
        if ConditionalRequest.isNotModified(request.headers, etag: document.etag, lastModified: document.lastModified) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = document.mediaType
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: document.body))
    }

    private func document(_ format: OccupancyExportFormat, query: OccupancyQuery) async throws -> RenderedDocument {
        let key = DocumentCache.Key(format: format, query: query)
        // The marker is read before the snapshot: a commit in between makes the next request
        // render again (harmless), never serves old data under a new marker.
        let dataMarker: Int64? = format.readsOccupancy ? try marker.current() : nil
        let (cached, versionTime) = await cache.lookup(key, marker: dataMarker)
        if let cached { return cached }
        let published = format.readsOccupancy ? versionTime : startTime
        let text = try await exporter.render(format, query: query, publicationTime: published)
        let body = ByteBuffer(string: text)
        let document = RenderedDocument(body: body, mediaType: format.mediaType,
                                        etag: "\"" + ContentFingerprint.hex(text.utf8) + "\"", lastModified: published)
        await cache.store(document, for: key, marker: dataMarker)
        return document
    }

    private func parse(_ request: Request) throws -> OccupancyQuery {
        var at: [String] = []
        var zones: [String] = []
        for (key, value) in request.uri.queryParameters {
            switch key {
            case "at": at.append(String(value))
            case "zone": zones.append(String(value))
            default:
                throw QueryError("unknown query parameter \"\(key.prefix(40))\" (allowed: at, zone)")
            }
        }
        guard at.count <= 1 else { throw QueryError("give at most one at= time") }
        return try OccupancyQuery.parse(at: at.first, zones: zones, map: exporter.store.map)
    }
}

/// A query string the server does not understand.
struct QueryError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
