import Enforcement
import Foundation

/// The static DATEX II v3 `ParkingTablePublication`: each zone an on-street `prk:Place` with
/// its name, rules as a description, location (polygon and a display point) and capacity.
///
/// No-parking zones are left out: a parking table lists where one may park, and a guidance
/// system must never send a driver to a fire-brigade access. See docs/occupancy-export.md for
/// the element mapping.
public struct DatexTablePublication: Sendable {
    public let map: ZoneMap
    public let publisher: DatexPublisher

    public init(map: ZoneMap, publisher: DatexPublisher = .standard) {
        self.map = map
        self.publisher = publisher
    }

    /// The table's version (see ``ZoneVersion``).
    public var version: String { ZoneVersion.ofTable(map) }

    /// The zones a DATEX table or status publishes among `zones`: every kind but no-parking.
    public static func places(_ zones: [ParkingZone]) -> [ParkingZone] {
        zones.filter { $0.kind != .noParking }
    }

    /// The XML document for the zones `query` selects; `publicationTime` is when it was made.
    public func xml(query: OccupancyQuery = OccupancyQuery(), publicationTime: Date) throws(OccupancyExportError) -> String {
        let selected = query.zones(in: map)
        let places = Self.places(selected)
        guard !places.isEmpty else { throw .noParkingPlaces(selected.map(\.id)) }
        let time = OccupancyTime.format(publicationTime)
        var xml = XMLWriter()
        DatexNamespaces.startPayload(&xml, type: "prk:ParkingTablePublication", publisher: publisher, publicationTime: time)
        xml.start("prk:parkingTable", ["id": publisher.tableID, "version": version])
        DatexNamespaces.multilingual(&xml, "prk:name", "Parkzonen im Straßenraum (ParkScan)", language: publisher.language)
        xml.element("prk:versionTime", time)
        for zone in places {
            place(zone, into: &xml)
        }
        xml.end()
        xml.end()
        return xml.finish()
    }

    private func place(_ zone: ParkingZone, into xml: inout XMLWriter) {
        xml.start("prk:hierarchyElementGeneral", ["xsi:type": "prk:Place", "id": zone.id, "version": ZoneVersion.of(zone)])
        DatexNamespaces.multilingual(&xml, "fac:name", zone.name, language: publisher.language)
        DatexNamespaces.multilingual(&xml, "fac:description", Self.description(of: zone), language: publisher.language)
        location(of: zone, into: &xml)
        xml.element("prk:layer", "0")
        xml.element("prk:type", "place")
        xml.start("prk:supply")
        xml.element("prk:quantity", String(zone.capacity))
        xml.element("prk:viewType", "spaceView")
        xml.end()
        xml.start("prk:commonComponents")
        xml.start("prk:characteristics")
        xml.element("prk:structureType", "onStreet")
        xml.element("prk:openToPublic", "true")
        xml.element("prk:spacesTotal", String(zone.capacity))
        xml.end()
        xml.end()
        xml.end()
    }

    /// An `AreaLocation`: the polygons as GML (latitude before longitude, EPSG:4326 axis order)
    /// and the mean of the outer ring's corners as the point to show on a map.
    private func location(of zone: ParkingZone, into xml: inout XMLWriter) {
        xml.start("fac:locationReference", ["xsi:type": "loc:AreaLocation"])
        let corners = zone.shape.polygons.flatMap { $0.outer.dropLast() }
        let latitude = corners.map(\.latitude).reduce(0, +) / Double(max(corners.count, 1))
        let longitude = corners.map(\.longitude).reduce(0, +) / Double(max(corners.count, 1))
        xml.start("loc:coordinatesForDisplay")
        xml.element("loc:latitude", DatexNumber.coordinate(latitude))
        xml.element("loc:longitude", DatexNumber.coordinate(longitude))
        xml.end()
        xml.start("loc:gmlMultiPolygon")
        for polygon in zone.shape.polygons {
            xml.start("loc:gmlPolygon")
            ring(polygon.outer, name: "loc:exterior", into: &xml)
            for hole in polygon.holes {
                ring(hole, name: "loc:interior", into: &xml)
            }
            xml.end()
        }
        xml.end()
        xml.end()
    }

    private func ring(_ points: [ZonePoint], name: String, into xml: inout XMLWriter) {
        xml.start(name, ["srsDimension": "2", "srsName": "EPSG:4326"])
        let list = points.map { DatexNumber.coordinate($0.latitude) + " " + DatexNumber.coordinate($0.longitude) }
        xml.element("loc:posList", list.joined(separator: " "))
        xml.end()
    }

    /// The zone's rule in words for people (German, like the zone names): kind, hours, limits.
    static func description(of zone: ParkingZone) -> String {
        var parts: [String]
        switch zone.kind {
        case .paid: parts = ["Parkschein oder Handyparken"]
        case .resident: parts = ["Bewohnerparken"]
        case .mixed: parts = ["Parkschein oder Handyparken, Bewohner frei"]
        case .timeLimited: parts = ["Höchstparkdauer \(zone.maxStayMinutes ?? 0) min" + (zone.parkingDisc ? " mit Parkscheibe" : "")]
        case .noParking: parts = ["Haltverbot"]
        }
        if !zone.permitAreas.isEmpty { parts.append("Bewohnerparkausweis " + zone.permitAreas.joined(separator: ", ")) }
        parts.append(zone.hours.text == "24/7" ? "jederzeit" : zone.hours.text)
        return parts.joined(separator: "; ")
    }
}
