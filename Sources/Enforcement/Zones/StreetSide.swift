/// Which side of the street a zone's spaces are on, relative to the direction in which the
/// street is digitised (OSM `parking:left` / `parking:right`).
///
/// Informational only: each zone polygon covers the parking strip itself, so which side a
/// car is on is decided by which polygon contains its position, not by this value. It is
/// kept for reports and for checking a map against OSM.
public enum StreetSide: String, Sendable, Hashable, CaseIterable {
    /// Left of the street's digitised direction.
    case left
    /// Right of the street's digitised direction.
    case right
    /// One polygon for both kerbs (a narrow street, a square).
    case both
}
