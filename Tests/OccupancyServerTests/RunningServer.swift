import Enforcement
import Foundation
import GRDB
import Logging
import OccupancyExport
import OccupancyServer
import ServiceLifecycle

/// `parkscan serve`'s server on an ephemeral loopback port over a fresh database with the
/// demo town's zones; `stop()` shuts it down gracefully and removes the files. Use it through
/// ``with(_:)``, which always stops it.
final class RunningServer: Sendable {
    static let token = "test-token-0123456789abcdef"

    let folder: String
    let database: ParkScanDatabase
    let map: ZoneMap
    let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    init() async throws {
        folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("occupancy-server-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = (folder as NSString).appendingPathComponent("parkscan.sqlite")
        database = try ParkScanDatabase(path: path)
        map = try ZoneMap.load(folder: Self.packageRoot.appendingPathComponent("Zones/demo-town"))
        var logger = Logger(label: "occupancy-server-tests")
        logger.logLevel = .warning
        let server = OccupancyHTTPServer(
            exporter: OccupancyExporter(store: OccupancyStore(reader: database.writer, map: map)),
            marker: try DatabaseChangeMarker(path: path), token: try BearerToken(Self.token), host: "127.0.0.1", port: 0,
            logger: logger)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let group = ServiceGroup(configuration: .init(
            services: [server.service { port in continuation.yield(port) }], logger: logger))
        self.group = group
        task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else { throw RawHTTPClient.Failure(description: "server did not start") }
        self.port = port
    }

    func get(_ target: String, token: String? = RunningServer.token, headers: [String: String] = [:]) async throws -> RawHTTPResponse {
        var headers = headers
        if let token { headers["Authorization"] = "Bearer \(token)" }
        let port = self.port
        let fixed = headers
        // The client blocks in read(): on a GCD thread, never on one of the few threads of
        // Swift's cooperative pool, which the server's handlers need (on 2 cores, with other
        // test suites busy, a blocked pool thread would stall the server it waits for).
        return try await offThePool { try RawHTTPClient.get(port: port, target, headers: fixed) }
    }

    /// Sends raw bytes (also malformed requests) and reads the answer.
    func send(_ request: String) async throws -> RawHTTPResponse {
        let port = self.port
        return try await offThePool { try RawHTTPClient.send(port: port, request) }
    }

    private func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Commits one pass (pass rows for `vehicles`) in one transaction, as the pipeline does.
    func commitPass(number: Int, end: Date, vehicles: [String: Int]) throws {
        try database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO scanRun (id, drivePath, vehicle, frameCount, passCount) VALUES ('run-1', 'test-drive', 'test-vehicle', 0, ?)
                ON CONFLICT(id) DO UPDATE SET passCount = excluded.passCount
                """, arguments: [number])
            for (zone, count) in vehicles {
                try db.execute(sql: """
                    INSERT INTO zoneOccupancy (scanRun, zone, granularity, periodStart, periodEnd, pass, capacity, vehicles,
                        resident, paid, exempt, suspected, unread, unchecked, dwellSeconds, dwellCount)
                    VALUES ('run-1', ?, 'pass', ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?, 0, 0)
                    """, arguments: [zone, end.addingTimeInterval(-300), end, number, map.zone(id: zone)?.capacity ?? 0, count, count])
            }
        }
    }

    /// Runs `body` with a fresh server, then shuts the server down gracefully (also when
    /// `body` throws) and checks that it stopped without error.
    static func with(_ body: (RunningServer) async throws -> Void) async throws {
        let server = try await RunningServer()
        do {
            try await body(server)
        } catch {
            _ = try? await server.stop()
            throw error
        }
        try await server.stop()
    }

    private func stop() async throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        await group.triggerGracefulShutdown()
        try await task.value
    }
}
