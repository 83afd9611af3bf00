import Foundation

/// What the rules say about a car seen in a zone, at its latest sighting.
///
/// A violation is a *suspected* violation: a person judges it from the photos before any
/// fine.
public enum ParkingDecision: Sendable, Hashable {
    /// Parked legally; the plate's data can be deleted.
    case compliant(ComplianceReason)
    /// No decision yet: a sighting at or after `until` decides, if the car is still there
    /// and nothing changes (a session bought, the hours ending).
    case pending(until: Date)
    /// A suspected violation of `rule`; `detail` says what was seen, in local times.
    case violation(rule: ViolatedRule, detail: String)
    /// The zone's rules do not apply at the latest sighting (outside its hours).
    case notEnforced

    /// The broken rule, when this is a violation.
    public var violatedRule: ViolatedRule? {
        if case .violation(let rule, _) = self { rule } else { nil }
    }
}
