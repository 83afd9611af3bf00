import Foundation

/// One parking zone from a zone file: where it is, and which rules hold there when.
///
/// See `Zones/README.md` for the file properties these fields come from.
public struct ParkingZone: Sendable, Hashable, Identifiable {
    /// Unique across the whole map (`id`).
    public let id: String
    /// A name for people, e.g. "Römerstraße 12-30, Ostseite" (`name`).
    public let name: String
    /// The rule kind (`kind`).
    public let kind: ZoneKind
    /// When the rules apply; outside them parking is free (`hours`).
    public let hours: OpeningHours
    /// Longest allowed stay in minutes; set for time-limited zones only (`maxStayMinutes`).
    public let maxStayMinutes: Int?
    /// Whether a parking disc is required, which allows up to 30 minutes more than the max
    /// stay: the disc is set to the next half hour after arrival (`parkingDisc`, § 13 StVO).
    public let parkingDisc: Bool
    /// Minutes of tolerance after a paid session ends or a max stay runs out (`graceMinutes`).
    public let graceMinutes: Int
    /// Number of car spaces (`capacity`), for occupancy.
    public let capacity: Int
    /// Resident permit areas valid in this zone (`permitAreas`), e.g. `["W1"]`.
    public let permitAreas: [String]
    /// Minutes between two sightings that confirm a car is parked, not passing or stopping
    /// (`confirmationMinutes`, default 10).
    public let confirmationMinutes: Int
    /// The street side the strip is on, if given (`side`); informational, see `StreetSide`.
    public let side: StreetSide?
    /// The street's name, if given (`street`).
    public let street: String?
    /// The ground the zone covers.
    public let shape: ZoneShape
    /// The file the zone came from and the feature's index in it, for messages.
    public let source: ZoneSource

    /// A zone from already validated values; zone files go through `ZoneMap.load(folder:)`.
    public init(id: String, name: String, kind: ZoneKind, hours: OpeningHours,
                maxStayMinutes: Int? = nil, parkingDisc: Bool = false, graceMinutes: Int = 0,
                capacity: Int, permitAreas: [String] = [], confirmationMinutes: Int = 10,
                side: StreetSide? = nil, street: String? = nil, shape: ZoneShape,
                source: ZoneSource = ZoneSource(file: "", featureIndex: 0)) {
        self.id = id
        self.name = name
        self.kind = kind
        self.hours = hours
        self.maxStayMinutes = maxStayMinutes
        self.parkingDisc = parkingDisc
        self.graceMinutes = graceMinutes
        self.capacity = capacity
        self.permitAreas = permitAreas
        self.confirmationMinutes = confirmationMinutes
        self.side = side
        self.street = street
        self.shape = shape
        self.source = source
    }

    /// Whether the zone covers `point`.
    public func contains(_ point: ZonePoint) -> Bool {
        shape.contains(point)
    }
}
