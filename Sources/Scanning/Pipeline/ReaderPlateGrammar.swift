import Enforcement
import PlateReading

/// The reader's German plate grammar (``GermanPlate``), for keying rights.
public struct ReaderPlateGrammar: GermanPlateGrammar {
    public init() {}

    public func canonicalForm(of written: String) -> String? {
        GermanPlate(canonical: written)?.canonical
    }

    public func splits(ofNormalized normalized: String) -> [String] {
        GermanPlate.splits(normalized: normalized).map(\.canonical)
    }
}
