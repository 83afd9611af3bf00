import DriveInput
import Foundation
import LiveInput
import Testing

/// A local NMEA server: accepts connections on 127.0.0.1 and runs `serve` for each.
final class NMEATestServer: @unchecked Sendable {
    let port: UInt16
    private let socket: Int32

    init() throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.socket = socket
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(socket, pointer, length) == 0, listen(socket, 4) == 0 else { return -1 }
                return getsockname(socket, pointer, &length)
            }
        }
        guard bound == 0 else { throw LiveSourceError("test server: cannot listen") }
        port = UInt16(bigEndian: address.sin_port)
    }

    /// Accepts one connection, sends `lines`, then closes it.
    func serveOnce(_ lines: [String]) {
        let client = accept(socket, nil, nil)
        guard client >= 0 else { return }
        for line in lines {
            let bytes = Array((line + "\r\n").utf8)
            _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            usleep(2000)
        }
        close(client)
    }

    deinit { close(socket) }

    /// An RMC sentence at `time` with its checksum.
    static func rmc(_ time: Date, latitude: Double = 49.4, longitude: Double = 8.69) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: time)
        let hms = String(format: "%02d%02d%02d.%02d", c.hour!, c.minute!, c.second!, c.nanosecond! / 10_000_000)
        let date = String(format: "%02d%02d%02d", c.day!, c.month!, c.year! % 100)
        let lat = String(format: "%02d%07.4f", Int(latitude), (latitude - Double(Int(latitude))) * 60)
        let lon = String(format: "%03d%07.4f", Int(longitude), (longitude - Double(Int(longitude))) * 60)
        let body = "GPRMC,\(hms),A,\(lat),N,\(lon),E,10.0,90.0,\(date),,,A"
        return "$\(body)*" + String(format: "%02X", NMEAParser.checksum(ofBody: Array(body.utf8)))
    }
}

@Suite struct NMEATCPTests {
    /// The receiver reads fixes over TCP, notices the server hanging up, connects again with
    /// backoff and goes on; garbled lines are counted, not used.
    @Test func aDroppedConnectionIsReestablishedAndFixesKeepComing() throws {
        let server = try NMEATestServer()
        let start = Date(timeIntervalSince1970: 1_762_246_800)
        let gps = LiveGPS()
        let receiver = GPSReceiver(source: .tcp(host: "127.0.0.1", port: server.port), gps: gps,
                                   initialBackoff: 0.05, maximumBackoff: 0.2)
        receiver.start()
        defer { receiver.stop() }
        server.serveOnce((0..<5).map { NMEATestServer.rmc(start.addingTimeInterval(Double($0))) } + ["$GPRMC,garbage*00"])
        server.serveOnce((5..<10).map { NMEATestServer.rmc(start.addingTimeInterval(Double($0))) })
        let deadline = Date().addingTimeInterval(5)
        while gps.health.fixes < 10 && Date() < deadline { usleep(20_000) }
        let health = gps.health
        #expect(health.fixes == 10)
        #expect(health.reconnects >= 1)
        #expect(health.badSentences == 1)
        #expect(health.newestFix == start.addingTimeInterval(9))
        // Between fixes: interpolated; just after the newest: extrapolated along the course.
        #expect(gps.position(at: start.addingTimeInterval(4.5)) != nil)
        let ahead = try #require(gps.position(at: start.addingTimeInterval(10)))
        let newest = try #require(gps.position(at: start.addingTimeInterval(9)))
        #expect(ahead.location.longitude > newest.location.longitude, "heading east at 10 kn")
        #expect(gps.position(at: start.addingTimeInterval(20)) == nil, "a fix 11 s old is too old")
    }

    @Test func gpsSourcesAreParsed() throws {
        #expect(try GPSSource(parsing: "192.168.1.20:10110") == .tcp(host: "192.168.1.20", port: 10110))
        #expect(try GPSSource(parsing: "tcp://gnss.local:2947") == .tcp(host: "gnss.local", port: 2947))
        #expect(try GPSSource(parsing: "/dev/ttyACM0", baud: 115_200) == .serial(path: "/dev/ttyACM0", baud: 115_200))
        #expect(try GPSSource(parsing: "logs/drive.nmea") == .file(path: "logs/drive.nmea"))
        #expect(throws: LiveSourceError.self) { try GPSSource(parsing: "host:notaport") }
    }
}
