/// One thing wrong in a zone file, with where it is: the file, and for a feature its index
/// in `features` and its `id` when it has one.
public struct ZoneProblem: Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem, to match on.
    public enum Code: String, Sendable, Hashable {
        case unreadableFile
        case invalidJSON
        case notFeatureCollection
        case missingProperty
        case wrongType
        case badValue
        case unknownKind
        case badHours
        case badGeometry
        case unclosedRing
        case coordinateOutOfRange
        case duplicateID
        case noZoneFiles
    }

    /// The file's path as given to the loader.
    public let file: String
    /// The feature's index in the file's `features` array; `nil` for the file as a whole.
    public let featureIndex: Int?
    /// The feature's `id` property, when it has a string one.
    public let featureID: String?
    /// What kind of problem.
    public let code: Code
    /// What is wrong and, where it helps, what is expected.
    public let reason: String

    /// A problem; `featureIndex` and `featureID` are `nil` for the file as a whole.
    public init(file: String, featureIndex: Int? = nil, featureID: String? = nil, code: Code, reason: String) {
        self.file = file
        self.featureIndex = featureIndex
        self.featureID = featureID
        self.code = code
        self.reason = reason
    }

    /// `Zones/demo-town/x.geojson: feature 3 (id "roe-o-1"): unknown kind "pay" (…)`.
    public var description: String {
        var place = file
        if let featureIndex {
            place += ": feature \(featureIndex)"
            if let featureID { place += " (id \"\(featureID)\")" }
        }
        return "\(place): \(reason)"
    }
}
