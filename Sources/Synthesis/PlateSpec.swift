/// What a plate says: its country and text, and for German plates the parts.
public struct PlateSpec: Sendable, Hashable {
    /// International vehicle registration code as in the EU band: `D`, `PL`, `NL`, ...
    public let country: String
    /// The written form: `M-AB 1234` for German plates, `WA 56660`, `12-ABC-3`, ... for others.
    public let text: String
    /// The parts of a German plate; nil for foreign plates.
    public let german: GermanPlateParts?

    /// A German plate.
    public init(german: GermanPlateParts) {
        country = "D"
        text = german.canonical
        self.german = german
    }

    /// A foreign plate with its usual spaces and hyphens: `PlateSpec(country: "PL", text: "WA 56660")`.
    public init(country: String, text: String) {
        self.country = country
        self.text = text
        german = nil
    }

    /// Letters and digits only, upper case, umlauts kept: `MAB1234`.
    public var normalized: String {
        String(text.uppercased().filter { $0.isLetter || $0.isNumber })
    }

    /// What the renderer draws left to right: German plates get the seal stickers (`|`)
    /// after the district and a half-width gap before the number.
    var layout: String {
        if let german {
            return "\(german.district)|\(german.letters) \(german.number)\(german.suffix?.rawValue ?? "")"
        }
        return text
    }
}
