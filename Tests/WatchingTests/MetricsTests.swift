import Foundation
import LiveInput
import Testing
import Watching

@Suite struct MetricsTests {
    /// `GET /metrics` on the loopback listener gives the status in Prometheus text; anything
    /// else is 404.
    @Test func metricsAreServedOnLoopback() throws {
        var status = WatchStatus()
        status.cameras = [.init(name: "right", counts: .init(captured: 100, read: 90, dropped: 10, stalls: 0, longestDropRun: 1),
                                framesPerSecond: 22.5)]
        status.cases = 2
        status.gps = LiveGPS.Health(connected: false, reconnects: 3)
        status.gpsFixAge = 1.5
        let text = PrometheusText.render(status)
        let listener = try MetricsListener(port: 0) { text }
        defer { listener.stop() }
        let body = try #require(Self.get("/metrics", port: listener.port))
        #expect(body.hasPrefix("HTTP/1.0 200 OK"))
        #expect(body.contains("parkscan_watch_frames_dropped_total{camera=\"right\"} 10"))
        #expect(body.contains("parkscan_watch_frames_per_second{camera=\"right\"} 22.5"))
        #expect(body.contains("parkscan_watch_cases_total 2"))
        #expect(body.contains("parkscan_watch_gps_connected 0"))
        #expect(body.contains("parkscan_watch_gps_reconnects_total 3"))
        #expect(body.contains("parkscan_watch_gps_fix_age_seconds 1.5"))
        #expect(try #require(Self.get("/", port: listener.port)).hasPrefix("HTTP/1.0 404"))
    }

    @Test func theStatusLineShowsWhatTheIssueAsksFor() {
        var status = WatchStatus()
        status.cameras = [.init(name: "right", counts: .init(captured: 200, read: 190, dropped: 10), framesPerSecond: 24.8)]
        status.platesRead = 812
        status.pending = 41
        status.cases = 2
        status.gps = LiveGPS.Health(connected: false, reconnects: 1)
        status.gpsFixAge = 0.4
        let line = status.line
        for part in ["right 24.8 fps", "dropped 10 (5.0 %)", "plates 812", "pending 41", "cases 2", "GPS fix 0.4 s", "disconnected"] {
            #expect(line.contains(part), "\(part) missing from \(line)")
        }
        #expect(!line.contains("\n"))
    }

    static func get(_ path: String, port: UInt16) -> String? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        let request = Array("GET \(path) HTTP/1.0\r\nHost: localhost\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
        var response = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(socket, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        return String(decoding: response, as: UTF8.self)
    }
}
