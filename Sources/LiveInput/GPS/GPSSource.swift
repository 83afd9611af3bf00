import Foundation

/// Where live NMEA 0183 comes from (`watch --gps`).
public enum GPSSource: Sendable, Equatable, CustomStringConvertible {
    /// A TCP server sending NMEA lines: a GNSS receiver's NMEA port, or gpsd's raw output.
    case tcp(host: String, port: UInt16)
    /// A serial device (`/dev/ttyUSB0`, `/dev/ttyACM0`) at a baud rate.
    case serial(path: String, baud: Int)
    /// A file of NMEA lines (a recorded log, or a named pipe).
    case file(path: String)

    /// Parses `host:port` (or `tcp://host:port`), a `/dev/...` device, or a file path.
    public init(parsing text: String, baud: Int = 9600) throws(LiveSourceError) {
        var rest = text
        if rest.hasPrefix("tcp://") { rest.removeFirst(6) }
        if rest.hasPrefix("/dev/") {
            self = .serial(path: rest, baud: baud)
            return
        }
        if let colon = rest.lastIndex(of: ":"), !rest.contains("/"), !FileManager.default.fileExists(atPath: rest) {
            let host = String(rest[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            guard let port = UInt16(rest[rest.index(after: colon)...]), port > 0, !host.isEmpty else {
                throw LiveSourceError("--gps \(text): expected host:port (TCP), a /dev/tty device or a file")
            }
            self = .tcp(host: host, port: port)
            return
        }
        self = .file(path: rest)
    }

    public var description: String {
        switch self {
        case .tcp(let host, let port): "tcp://\(host):\(port)"
        case .serial(let path, let baud): "\(path) at \(baud) baud"
        case .file(let path): path
        }
    }
}
