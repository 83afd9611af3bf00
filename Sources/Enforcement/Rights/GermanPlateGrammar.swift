/// The German plate grammar (FZV § 9) as ``PlateKey`` needs it.
///
/// The grammar and its 694 district codes live in `PlateReading.GermanPlate`; Enforcement
/// does not depend on PlateReading (which links OpenCV), so the caller passes it in. In the
/// `parkscan` tool it is a thin adapter over `GermanPlate(canonical:)` and
/// `GermanPlate.splits(normalized:)`.
public protocol GermanPlateGrammar: Sendable {
    /// The canonical form `M-AB 1234` of `written`, which has the form
    /// `DISTRICT-LETTERS DIGITS[E|H]`; nil when that is no grammatical German plate.
    func canonicalForm(of written: String) -> String?

    /// The canonical forms of all grammatical plates whose letters and digits are
    /// `normalized`: `MAB1234` gives `M-AB 1234` and `MA-B 1234`. Empty when none.
    func splits(ofNormalized normalized: String) -> [String]
}
