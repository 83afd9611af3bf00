/// Why a reviewer rejects a case: a fixed list, so that rejections can be counted and audited.
/// The order is the digit menu of `parkscan review next` (1 = misread plate).
public enum RejectionReason: String, Sendable, Codable, CaseIterable {
    case misreadPlate = "misread-plate"
    case validPermitVisible = "valid-permit"
    case discVisibleAndValid = "disc-valid"
    case loading = "loading"
    case emergencyVehicle = "emergency-vehicle"
    case disabledBadge = "disabled-badge"
    case other = "other"

    /// What the reviewer sees in menus and exports.
    public var label: String {
        switch self {
        case .misreadPlate: "misread plate"
        case .validPermitVisible: "valid permit visible"
        case .discVisibleAndValid: "parking disc visible and valid"
        case .loading: "loading"
        case .emergencyVehicle: "emergency vehicle"
        case .disabledBadge: "disabled badge"
        case .other: "other"
        }
    }

    /// The allowed values, for messages.
    public static var allowedValues: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The reason named `text` (its raw value, or its label), or an error listing the allowed values.
    public init(parsing text: String) throws(ReviewError) {
        let wanted = text.lowercased().replacingOccurrences(of: "_", with: "-")
        guard let reason = Self.allCases.first(where: { $0.rawValue == wanted || $0.label == text.lowercased() }) else {
            throw ReviewError(.invalidInput, "unknown reason \"\(text)\"; allowed: \(Self.allowedValues)")
        }
        self = reason
    }

    /// The reason with menu digit `digit` (1-based).
    public init?(menuDigit digit: Int) {
        guard (1...Self.allCases.count).contains(digit) else { return nil }
        self = Self.allCases[digit - 1]
    }
}
