import Foundation

/// One NMEA 0183 sentence of a type ParkScan uses, checksum verified.
///
/// Made by ``NMEAParser/sentence(from:)``. Any talker is accepted (`GP` GPS, `GN` combined
/// GNSS, `GL`, `GA`, `GB`, …); the talker does not change the meaning.
public enum NMEASentence: Sendable, Equatable {
    /// `$..RMC`, recommended minimum data: time, date, validity, position, speed, course.
    case rmc(RecommendedMinimum)
    /// `$..GGA`, fix data: time of day (no date), position, fix quality, satellites, HDOP,
    /// altitude.
    case gga(FixData)
}
