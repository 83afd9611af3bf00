import Enforcement
import Foundation

/// The dynamic DATEX II v3 `ParkingStatusPublication`: one `prk:PlaceStatus` per zone of the
/// table, referencing the zone and the table by id and version.
///
/// Per zone: `lastUpdated` (end of the pass that counted it), occupied and vacant spaces,
/// vehicles counted, occupancy in percent of the spaces (at most 100; vehicles beyond the
/// spaces are in `numberOfVehicles`), and the status (``OccupancyLevel``). A zone no pass has
/// counted yet is published as `unknown` with the fault `noParkingInformationAvailable`
/// rather than left out, so a centre sees that the zone exists but has no data.
public struct DatexStatusPublication: Sendable {
    public let table: DatexTablePublication
    public let thresholds: OccupancyThresholds

    public init(table: DatexTablePublication, thresholds: OccupancyThresholds = .standard) {
        self.table = table
        self.thresholds = thresholds
    }

    /// The XML document for `snapshot`; `publicationTime` is when it was made.
    public func xml(_ snapshot: OccupancySnapshot, publicationTime: Date) throws(OccupancyExportError) -> String {
        let places = snapshot.zones.filter { $0.zone.kind != .noParking }
        guard !places.isEmpty else { throw .noParkingPlaces(snapshot.zones.map(\.zone.id)) }
        var xml = XMLWriter()
        DatexNamespaces.startPayload(&xml, type: "prk:ParkingStatusPublication", publisher: table.publisher,
                                     publicationTime: OccupancyTime.format(publicationTime))
        xml.empty("prk:parkingTableReference", ["id": table.publisher.tableID, "version": table.version,
                                                 "targetClass": "prk:ParkingTable"])
        for place in places {
            status(of: place, into: &xml)
        }
        xml.end()
        return xml.finish()
    }

    private func status(of place: ZoneOccupancy, into xml: inout XMLWriter) {
        xml.start("prk:parkingStatusInformation", ["xsi:type": "prk:PlaceStatus"])
        xml.empty("fac:reference", ["id": place.zone.id, "version": ZoneVersion.of(place.zone), "targetClass": "fac:FacilityObject"])
        if let observation = place.observation, let occupied = place.occupiedSpaces, let vacant = place.vacantSpaces {
            xml.element("fac:lastUpdated", OccupancyTime.format(observation.periodEnd))
            xml.start("prk:occupancy")
            xml.element("prk:numberOfVacantSpaces", String(vacant))
            xml.element("prk:numberOfOccupiedSpaces", String(occupied))
            xml.element("prk:numberOfVehicles", String(observation.vehicles))
            if place.capacity > 0 {
                xml.element("prk:occupancy", DatexNumber.decimal(100 * Double(occupied) / Double(place.capacity), decimals: 1))
            }
            xml.end()
        } else {
            xml.element("prk:parkingFault", "noParkingInformationAvailable")
        }
        xml.element("prk:status", place.level(thresholds: thresholds).rawValue)
        xml.end()
    }
}
