/// What became of one sighting (``PassCommitter``).
public enum SightingOutcome: String, Sendable, Codable {
    /// No position, or outside every zone.
    case unlocated
    /// Not sure enough to act on, and no possible reading has a right; counted as a vehicle.
    case unread
    /// It stood still in the frame while the vehicle drove on: not a parked car (``Parallax``).
    case background
    /// Not sure enough, and not counted: a one-frame glimpse, a short text, a box no plate
    /// fits, or a plate far down the street.
    case glimpse
    /// A right (or, unsure, a possible reading has one).
    case compliant
    /// The zone is not enforced now.
    case notEnforced
    /// Kept as a pending first sighting.
    case pending
    /// Not sure enough on its own, kept as a pending first sighting that only a sure later
    /// sighting of exactly its plate can confirm (``ScanSettings/confirmation``); counted as unread.
    case pendingConfirmable
    /// Matched an earlier pending sighting: a case raised.
    case caseRaised
    /// Matched an earlier pending sighting, the rule still undecided.
    case stillPending
    /// The same plate in the same zone was already decided in this pass (or, unread, a plate
    /// within one edit was already counted: ``PassVehicles``).
    case alreadyCounted
}
