import DriveInput
import Foundation

/// Turns a live NMEA 0183 byte stream into fixes for a ``LiveGPS``: lines are split at LF,
/// every sentence's checksum is checked (``NMEAParser``); bad lines are counted and skipped.
///
/// RMC gives dated fixes. GGA carries only the time of day: it is dated by the last RMC's
/// date (or, before any RMC, the UTC day of the system clock), taking the day that puts it
/// nearest; a GGA of the same second as an RMC only adds satellites, HDOP and altitude.
public struct NMEAFeed {
    public let gps: LiveGPS
    private var pending: [UInt8] = []
    private var lastDated: Date?

    /// The longest line kept while waiting for its end: NMEA allows 82 characters.
    static let maximumLine = 512

    public init(gps: LiveGPS) {
        self.gps = gps
    }

    /// Feeds received bytes (any chunking).
    public mutating func receive(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            if byte == 0x0A {
                line(pending)
                pending.removeAll(keepingCapacity: true)
            } else if pending.count < Self.maximumLine {
                pending.append(byte)
            }
        }
    }

    /// A connection ended: an unfinished line is thrown away.
    public mutating func reset() {
        pending.removeAll()
    }

    private mutating func line(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let sentence: NMEASentence?
        do { sentence = try NMEAParser.sentence(from: text) } catch {
            gps.update { $0.badSentences += 1 }
            return
        }
        switch sentence {
        case .rmc(let rmc):
            guard let time = rmc.time else { return }
            lastDated = time
            guard rmc.isValid, let location = rmc.location else { return }
            gps.add(GPSFix(time: time, location: location,
                           speed: rmc.speedKnots.map { $0 * NMEASentence.RecommendedMinimum.metresPerSecondPerKnot },
                           course: rmc.course))
        case .gga(let gga):
            guard gga.hasFix, let location = gga.location, let seconds = gga.secondsOfDay else { return }
            let time = Self.dated(secondsOfDay: seconds, near: lastDated ?? Date())
            if let lastDated, abs(lastDated.timeIntervalSince(time)) < 0.001 { return }
            gps.add(GPSFix(time: time, location: location, altitude: gga.altitude, satellites: gga.satellites,
                           horizontalDilution: gga.horizontalDilution))
        case nil:
            return
        }
    }

    static func dated(secondsOfDay: Double, near reference: Date) -> Date {
        let day = (reference.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
        var time = Date(timeIntervalSince1970: day + secondsOfDay)
        let difference = time.timeIntervalSince(reference)
        if difference > 43_200 { time.addTimeInterval(-86_400) } else if difference < -43_200 { time.addTimeInterval(86_400) }
        return time
    }
}
