import Foundation
import Hummingbird
import Logging
import OccupancyExport
import ServiceLifecycle

/// `parkscan serve`: the occupancy exports over HTTP for traffic control centres and parking
/// guidance systems, which poll often.
///
/// Routes: `GET /datex/v3/parking-table`, `/datex/v3/parking-status`, `/occupancy.geojson`,
/// `/occupancy.csv` (bearer token required; optional `?at=TIME` and `?zone=ID[,ID...]`), and
/// `/healthz` (no token). Every data response has a strong ETag and Last-Modified; a matching
/// If-None-Match or If-Modified-Since gets 304. Rendered documents are cached per query until
/// the database changes (``DatabaseChangeMarker``). Runs until SIGTERM or SIGINT, then stops
/// accepting connections and finishes the requests in flight.
public struct OccupancyHTTPServer: Sendable {
    public let exporter: OccupancyExporter
    public let marker: DatabaseChangeMarker
    public let token: BearerToken
    public let host: String
    public let port: Int
    public let logger: Logger

    public init(exporter: OccupancyExporter, marker: DatabaseChangeMarker, token: BearerToken,
                host: String = "127.0.0.1", port: Int = 8080, logger: Logger = Logger(label: "parkscan.serve")) {
        self.exporter = exporter
        self.marker = marker
        self.token = token
        self.host = host
        self.port = port
        self.logger = logger
    }

    /// The routes: data routes behind the token, `/healthz` without.
    func router() -> Router<BasicRequestContext> {
        let routes = OccupancyRoutes(exporter: exporter, marker: marker, cache: DocumentCache(),
                                     startTime: Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)))
        let router = Router(context: BasicRequestContext.self)
        let marker = self.marker
        router.get("/healthz") { _, _ -> Response in
            do {
                _ = try marker.current()
                return PlainText.response(.ok, "ok")
            } catch {
                return PlainText.response(.serviceUnavailable, "the database cannot be read: \(error)")
            }
        }
        let data = router.group().add(middleware: BearerTokenMiddleware<BasicRequestContext>(token: token))
        let paths: [(String, OccupancyExportFormat)] = [
            ("/datex/v3/parking-table", .datexTable), ("/datex/v3/parking-status", .datexStatus),
            ("/occupancy.geojson", .geojson), ("/occupancy.csv", .csv),
        ]
        for (path, format) in paths {
            data.get(RouterPath(path)) { request, context in await routes.respond(format, to: request, context: context) }
        }
        return router
    }

    /// The server as a service, to run in a `ServiceGroup`: it stops gracefully (no new
    /// connections, requests in flight answered) when the group shuts down. `onRunning` gets
    /// the bound port (useful with port 0: any free port).
    public func service(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some Service {
        Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// Serves until SIGTERM or SIGINT, then shuts down gracefully.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let group = ServiceGroup(configuration: .init(services: [service(onRunning: onRunning)],
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
