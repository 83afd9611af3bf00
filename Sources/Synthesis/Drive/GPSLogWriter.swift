import DriveInput
import Foundation

/// Writes the scan vehicle's GPS log as NMEA 0183: one `$GPRMC` and one `$GPGGA` per fix
/// during each pass, with a slowly drifting position error (first-order autoregressive, 30 s
/// correlation time: like a real receiver, the error wanders rather than jumping, so the
/// heading between fixes stays good), and a few lines with a spoilt checksum.
enum GPSLogWriter {
    /// Correlation time of the position error, seconds.
    static let errorCorrelationSeconds = 30.0
    /// Lines whose checksum is spoilt.
    static let corruptLineCount = 3

    static func nmea(_ scenario: ParkingScenario, options: DriveOptions, seed: UInt64) -> (text: String, corruptLines: [Int]) {
        var g = SeededGenerator(seed: seed, stream: 6)
        let step = 1 / options.gpsRate
        let sigma = options.gpsNoiseMetres
        let keep = exp(-step / errorCorrelationSeconds)
        var lines: [String] = []
        for pass in scenario.passes {
            var error = (east: gaussian(&g) * sigma, north: gaussian(&g) * sigma)
            let count = Int((pass.duration / step).rounded(.down)) + 1
            for tick in 0..<count {
                let seconds = Double(tick) * step
                let pose = pass.pose(at: seconds)
                let jolt = sigma * (1 - keep * keep).squareRoot()
                error = (keep * error.east + jolt * gaussian(&g), keep * error.north + jolt * gaussian(&g))
                let point = pose.position + LocalPoint(x: error.east, y: error.north)
                let geo = scenario.streets.frame.geoPoint(point)
                let time = DriveTimestamp.nmea(pass.start.addingTimeInterval(seconds))
                let lat = coordinate(geo.latitude, degreeDigits: 2), lon = coordinate(geo.longitude, degreeDigits: 3)
                let latHemisphere = geo.latitude < 0 ? "S" : "N", lonHemisphere = geo.longitude < 0 ? "W" : "E"
                let knots = String(format: "%.1f", pose.speed * 3600 / 1852)
                let course = String(format: "%.1f", pose.direction.bearingDegrees)
                lines.append(sentence("GPRMC,\(time.time),A,\(lat),\(latHemisphere),\(lon),\(lonHemisphere),\(knots),\(course),\(time.date),,,A"))
                lines.append(sentence("GPGGA,\(time.time),\(lat),\(latHemisphere),\(lon),\(lonHemisphere),1,09,0.9,112.0,M,47.9,M,,"))
            }
        }
        var corrupt: [Int] = []
        if lines.count > 20 {
            while corrupt.count < corruptLineCount {
                let index = g.int(in: 10...(lines.count - 1))
                if !corrupt.contains(index + 1) { corrupt.append(index + 1) }
            }
            corrupt.sort()
            for line in corrupt { lines[line - 1] = spoilt(lines[line - 1]) }
        }
        return (lines.joined(separator: "\r\n") + "\r\n", corrupt)
    }

    /// `$body*hh`.
    static func sentence(_ body: String) -> String {
        let checksum = NMEAParser.checksum(ofBody: Array(body.utf8))
        return "$" + body + "*" + String(format: "%02X", checksum)
    }

    /// The sentence with its checksum changed (still two hex digits).
    private static func spoilt(_ line: String) -> String {
        guard let star = line.lastIndex(of: "*"), let value = UInt8(line[line.index(after: star)...], radix: 16) else {
            return line + "0"
        }
        return String(line[...star]) + String(format: "%02X", value ^ 0x5A)
    }

    /// `ddmm.mmmmm` (latitude, 2 degree digits) or `dddmm.mmmmm` (longitude, 3), rounded once.
    private static func coordinate(_ degrees: Double, degreeDigits: Int) -> String {
        let total = Int((abs(degrees) * 60 * 100_000).rounded())
        let whole = total / 6_000_000, minutes = total % 6_000_000
        return String(format: "%0\(degreeDigits)d%02d.%05d", whole, minutes / 100_000, minutes % 100_000)
    }

    /// A standard normal number (Box-Muller).
    private static func gaussian(_ g: inout SeededGenerator) -> Double {
        let u = max(g.unit(), 1e-12), v = g.unit()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}
