import Foundation

extension NMEASentence {
    /// A GGA sentence:
    /// `$GPGGA,hhmmss.ss,ddmm.mmmm,N,dddmm.mmmm,E,quality,satellites,hdop,alt,M,geoid,M,age,station*hh`.
    ///
    /// GGA carries no date: ``NMEAParser/log(from:file:)`` dates it from the nearest RMC
    /// sentence in the file.
    public struct FixData: Sendable, Equatable {
        /// Seconds since midnight UTC; nil when the field is empty.
        public var secondsOfDay: Double?
        /// nil when the position fields are empty.
        public var location: GeoPoint?
        /// 0 = no fix, 1 = GPS, 2 = DGPS, 4/5 = RTK, 6 = dead reckoning, …
        public var fixQuality: Int
        public var satellites: Int?
        /// Horizontal dilution of precision.
        public var horizontalDilution: Double?
        /// Metres above mean sea level.
        public var altitude: Double?

        public init(
            secondsOfDay: Double?, location: GeoPoint?, fixQuality: Int,
            satellites: Int? = nil, horizontalDilution: Double? = nil, altitude: Double? = nil
        ) {
            self.secondsOfDay = secondsOfDay
            self.location = location
            self.fixQuality = fixQuality
            self.satellites = satellites
            self.horizontalDilution = horizontalDilution
            self.altitude = altitude
        }

        /// Whether the receiver had a fix (quality other than 0) and gave a position.
        public var hasFix: Bool { fixQuality != 0 && location != nil }
    }
}
