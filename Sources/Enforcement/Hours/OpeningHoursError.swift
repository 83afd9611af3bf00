/// An `hours` text that is not in the supported `opening_hours` subset.
public struct OpeningHoursError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The whole text as given.
    public let text: String
    /// What is wrong, for a person: "unknown day \"Fx\" (days are Mo Tu We Th Fr Sa Su)".
    public let reason: String

    public var description: String { "bad hours \"\(text)\": \(reason)" }
}
