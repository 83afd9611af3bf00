import ArgumentParser
import Foundation
import OccupancyExport
import OccupancyServer

/// `parkscan serve`: the occupancy exports over HTTP (Hummingbird 2) for traffic control
/// centres. The work is in `OccupancyServer.OccupancyHTTPServer`.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the occupancy over HTTP: DATEX II v3, GeoJSON, CSV.",
        discussion: """
            GET /datex/v3/parking-table, /datex/v3/parking-status, /occupancy.geojson, \
            /occupancy.csv (optional ?at=TIME&zone=ID,ID) need `Authorization: Bearer <token>` \
            with the token from --token-file; /healthz does not. Responses carry ETag and \
            Last-Modified; If-None-Match / If-Modified-Since get 304 while the data is unchanged. \
            Reads the database while scans write to it. Stops gracefully on SIGTERM or SIGINT.
            """
    )

    @Option(help: "Address to listen on. Loopback by default: put a TLS proxy in front to serve others.")
    var host = "127.0.0.1"

    @Option(help: "TCP port.")
    var port = 8080

    @Option(help: "File holding the bearer token clients must send (at least 16 characters; e.g. `openssl rand -hex 32 > FILE`).")
    var tokenFile: String?

    @OptionGroup var source: OccupancyOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535, not \(port)") }
        guard tokenFile != nil else {
            throw ValidationError("--token-file is required: every data route needs a bearer token "
                + "(create one with `openssl rand -hex 32 > parkscan.token`)")
        }
    }

    func run() async throws {
        let token: BearerToken
        do { token = try BearerToken.load(path: tokenFile ?? "") } catch { throw CommandFailure(error.description) }
        let map = try source.loadZones()
        let database = try source.openDatabase()
        let exporter = OccupancyExporter(store: OccupancyStore(reader: database.writer, map: map), publisher: source.publisher)
        let server = OccupancyHTTPServer(exporter: exporter, marker: try DatabaseChangeMarker(path: source.database),
                                         token: token, host: host, port: port)
        if !["127.0.0.1", "::1", "localhost"].contains(host) {
            FileHandle.standardError.write(Data(("warning: serving on \(host) in plain HTTP; the bearer token crosses the "
                + "network readable unless a TLS proxy is in front\n").utf8))
        }
        let zones = map.zones.count, version = exporter.table.version
        try await server.run { port in
            FileHandle.standardError.write(Data(("parkscan serve: http://\(host):\(port) (\(zones) zones, table "
                + "\(exporter.publisher.tableID) version \(version)); SIGTERM stops\n").utf8))
        }
    }
}
