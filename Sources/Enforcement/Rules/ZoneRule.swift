import Foundation

/// The rules of one zone applied to a car seen there: compliant, pending a confirming pass,
/// suspected violation, or not enforced (outside the zone's hours).
///
/// The decision is taken at the latest sighting. Time only counts while the zone's hours
/// apply: a car first seen at 07:40 in a zone enforced from 08:00 is counted from 08:00.
///
/// Per kind:
/// - paid: a paid session covering the sighting (or ended less than `graceMinutes` before
///   it); otherwise a violation once the car has been seen unpaid for `confirmationMinutes`
///   (from the first sighting, the start of the hours, or the end of a session plus grace,
///   whichever is latest).
/// - resident: a permit for one of the zone's permit areas; otherwise as paid.
/// - mixed: a paid session or such a permit.
/// - time-limited (digital chalking): a violation when seen later than max stay + grace
///   after arrival; with a parking disc the max stay runs from the disc setting, the half
///   hour after the first sighting (so up to 30 minutes more). A permit for one of the
///   zone's permit areas, if it lists any, exempts.
/// - no-parking: a violation once seen for `confirmationMinutes`, and never before more
///   than 3 minutes: stopping up to 3 minutes is not parking (§ 12 (2) StVO). Loading is
///   allowed for longer but cannot be seen by a camera; the reviewer judges it from the
///   photos.
///
/// An exemption is compliant everywhere.
public struct ZoneRule: Sendable {
    /// Stopping up to this long is not parking (§ 12 (2) StVO).
    public static let stoppingLimit: TimeInterval = 3 * 60

    /// The zone whose rules these are.
    public let zone: ParkingZone
    /// The time zone the zone's hours and the details' times are in.
    public let timeZone: TimeZone

    /// The rules of `zone`, with its hours read in `timeZone`.
    public init(zone: ParkingZone, timeZone: TimeZone = .europeBerlin) {
        self.zone = zone
        self.timeZone = timeZone
    }

    /// The decision for a car seen as in `observation`, with the `rights` found for its
    /// plate in this zone (empty when none).
    public func decision(for observation: ParkingObservation, rights: [ParkingRight]) -> ParkingDecision {
        let lastSeen = observation.lastSeen
        guard let hoursStart = zone.hours.activeSince(lastSeen, in: timeZone) else { return .notEnforced }
        if rights.contains(.exemption) { return .compliant(.exemption) }
        let since = max(observation.firstSeen, hoursStart)

        switch zone.kind {
        case .paid:
            if let reason = paidSession(rights, at: lastSeen) { return .compliant(reason) }
            return confirmed(since: unpaidSince(since, rights, at: lastSeen), firstSeen: observation.firstSeen, lastSeen: lastSeen,
                             rule: .noPaidSession, missing: "a paid session")
        case .resident:
            if let area = permitArea(rights) { return .compliant(.residentPermit(area: area)) }
            return confirmed(since: since, firstSeen: observation.firstSeen, lastSeen: lastSeen, rule: .noResidentPermit,
                             missing: "a permit for \(areaList)")
        case .mixed:
            if let area = permitArea(rights) { return .compliant(.residentPermit(area: area)) }
            if let reason = paidSession(rights, at: lastSeen) { return .compliant(reason) }
            return confirmed(since: unpaidSince(since, rights, at: lastSeen), firstSeen: observation.firstSeen, lastSeen: lastSeen,
                             rule: .noPaidSessionOrPermit, missing: "a paid session or a permit for \(areaList)")
        case .timeLimited:
            if let area = permitArea(rights) { return .compliant(.residentPermit(area: area)) }
            return maxStay(observation, hoursStart: hoursStart)
        case .noParking:
            return confirmed(since: since, firstSeen: observation.firstSeen, lastSeen: lastSeen, rule: .noParking, missing: nil,
                             floor: Self.stoppingLimit + 1)
        }
    }

    /// A violation when the car has been seen without a right from `since` to `lastSeen`
    /// for at least the confirmation time (and at least `floor`), else pending.
    private func confirmed(since: Date, firstSeen: Date, lastSeen: Date, rule: ViolatedRule, missing: String?,
                           floor: TimeInterval = 0) -> ParkingDecision {
        let needed = max(TimeInterval(zone.confirmationMinutes * 60), floor)
        let decidedAt = since.addingTimeInterval(needed)
        guard lastSeen >= decidedAt else { return .pending(until: decidedAt) }
        let minutes = Int(lastSeen.timeIntervalSince(since) / 60)
        var detail = "seen from \(clock(since)) to \(clock(lastSeen)) (\(minutes) min)"
        if firstSeen < since { detail = "first seen \(clock(firstSeen)), " + detail.replacingOccurrences(of: "seen from", with: "counted from") }
        if let missing { detail += " without \(missing)" }
        return .violation(rule: rule, detail: detail)
    }

    private func maxStay(_ observation: ParkingObservation, hoursStart: Date) -> ParkingDecision {
        let maxStay = TimeInterval((zone.maxStayMinutes ?? 0) * 60)
        let grace = TimeInterval(zone.graceMinutes * 60)
        var from = max(observation.firstSeen, hoursStart)
        var fromText = "first seen \(clock(observation.firstSeen))"
        if zone.parkingDisc {
            from = max(ParkingDisc.setting(forArrival: observation.firstSeen, in: timeZone), hoursStart)
            fromText += ", disc \(clock(from))"
        } else if from > observation.firstSeen {
            fromText += ", hours from \(clock(from))"
        }
        let deadline = from.addingTimeInterval(maxStay + grace)
        guard observation.lastSeen >= deadline else { return .pending(until: deadline) }
        let detail = "\(fromText), seen again \(clock(observation.lastSeen)); max stay \(zone.maxStayMinutes ?? 0) min"
            + " + grace \(zone.graceMinutes) min ended \(clock(deadline))"
        return .violation(rule: .maxStayExceeded, detail: detail)
    }

    /// A paid session covering `date`, or one that ended within the grace minutes.
    private func paidSession(_ rights: [ParkingRight], at date: Date) -> ComplianceReason? {
        var reason: ComplianceReason?
        for case .paidSession(let start, let end) in rights where start <= date {
            if date <= end { return .paidSession }
            if date <= end.addingTimeInterval(TimeInterval(zone.graceMinutes * 60)) { reason = .paidSessionGrace }
        }
        return reason
    }

    /// When the car's unpaid time began: `since`, or later when a session (plus grace)
    /// ended after it.
    private func unpaidSince(_ since: Date, _ rights: [ParkingRight], at date: Date) -> Date {
        var result = since
        for case .paidSession(_, let end) in rights {
            let covered = end.addingTimeInterval(TimeInterval(zone.graceMinutes * 60))
            if covered > result && covered <= date { result = covered }
        }
        return result
    }

    /// The first of the zone's permit areas that a resident permit covers.
    private func permitArea(_ rights: [ParkingRight]) -> String? {
        for case .residentPermit(let areas) in rights {
            if let area = zone.permitAreas.first(where: areas.contains) { return area }
        }
        return nil
    }

    private var areaList: String {
        zone.permitAreas.joined(separator: "/")
    }

    /// `HH:mm` in the zone's time zone.
    private func clock(_ date: Date) -> String {
        let calendar = OpeningHours.calendar(timeZone)
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let hour = parts.hour ?? 0, minute = parts.minute ?? 0
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
