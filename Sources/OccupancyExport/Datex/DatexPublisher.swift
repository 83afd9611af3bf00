/// Who publishes the DATEX II data and under which names: the `publicationCreator`, the
/// parking table's id, and the language of names.
public struct DatexPublisher: Sendable, Hashable {
    /// ISO 3166-1 alpha-2 country of the publisher (`DE`).
    public var country: String
    /// The publisher's national identifier, e.g. the town's Mobilithek organisation id.
    public var nationalIdentifier: String
    /// The id of the parking table; the status publication references it with its version.
    public var tableID: String
    /// Language of names and descriptions (`de`).
    public var language: String

    public init(country: String = "DE", nationalIdentifier: String = "PARKSCAN", tableID: String = "parkscan-onstreet",
                language: String = "de") {
        self.country = country
        self.nationalIdentifier = nationalIdentifier
        self.tableID = tableID
        self.language = language
    }

    /// What ``init(country:nationalIdentifier:tableID:language:)`` gives.
    public static let standard = DatexPublisher()
}
