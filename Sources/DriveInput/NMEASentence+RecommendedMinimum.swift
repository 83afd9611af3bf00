import Foundation

extension NMEASentence {
    /// An RMC sentence:
    /// `$GPRMC,hhmmss.ss,A,ddmm.mmmm,N,dddmm.mmmm,E,knots,course,ddmmyy,magvar,E[,mode]*hh`.
    public struct RecommendedMinimum: Sendable, Equatable {
        /// Date and time of the fix (UTC); nil when the sentence leaves either empty.
        public var time: Date?
        /// Status `A` (active). Status `V` (void), or NMEA 2.3 mode `N`, gives no fix.
        public var isValid: Bool
        /// nil when the position fields are empty or the sentence is void.
        public var location: GeoPoint?
        /// Speed over ground in knots.
        public var speedKnots: Double?
        /// Course over ground, degrees clockwise from true north.
        public var course: Double?

        public init(time: Date?, isValid: Bool, location: GeoPoint?, speedKnots: Double? = nil, course: Double? = nil) {
            self.time = time
            self.isValid = isValid
            self.location = location
            self.speedKnots = speedKnots
            self.course = course
        }

        /// Metres per second in a knot (1852 m / 3600 s).
        public static let metresPerSecondPerKnot = 1852.0 / 3600.0
    }
}
