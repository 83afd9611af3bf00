import Enforcement
import Foundation
import Scanning

/// Checks a corrected plate against the rights again, with the zone's own rule: a car that
/// the scan would have found compliant under the right plate is no case.
///
/// The rule decides, not the mere existence of a right: a resident permit for another area
/// does not make a car compliant in this zone.
public struct PlateRecheck: Sendable {
    public let rights: any RightsLookup
    public let zones: ZoneMap

    public init(rights: any RightsLookup, zones: ZoneMap) {
        self.rights = rights
        self.zones = zones
    }

    /// The right that makes `plate` compliant in the case's zone over its sightings, or nil.
    public func compliance(of plate: PlateKey, in found: ReviewedCase) throws -> ComplianceReason? {
        guard let zone = zones.zone(id: found.zone) else {
            throw ReviewError(.invalidInput, "case \(found.id): zone \(found.zone) is not in the zone map; pass the map "
                + "the scan used with --zones")
        }
        let rights = try rights.rights(for: plate.key, zone: found.zone, at: found.lastSeen)
        let decision = ZoneRule(zone: zone).decision(for: ParkingObservation(firstSeen: found.firstSeen, lastSeen: found.lastSeen),
                                                     rights: rights)
        if case .compliant(let reason) = decision { return reason }
        return nil
    }

    /// The rejection reason and note for a case closed because of `reason`.
    static func rejection(for reason: ComplianceReason, plate: PlateKey) -> (RejectionReason, String) {
        switch reason {
        case .residentPermit(let area):
            (.validPermitVisible, "corrected plate \(plate) has a resident permit for area \(area)")
        case .paidSession:
            (.validPermitVisible, "corrected plate \(plate) has a paid session")
        case .paidSessionGrace:
            (.validPermitVisible, "corrected plate \(plate) has a paid session (ended within the grace period)")
        case .exemption:
            (.other, "corrected plate \(plate) has an exemption")
        }
    }
}
