/// What an import did: rows added, updated (same reference, other content) and unchanged.
public struct RightsImportSummary: Sendable, Hashable, CustomStringConvertible {
    /// The file's name as given.
    public let file: String
    /// What the file held.
    public let kind: RightsFileKind
    /// Rights whose reference was new.
    public var added = 0
    /// Rights whose reference was known with other content.
    public var updated = 0
    /// Rights already stored exactly so.
    public var unchanged = 0

    public init(file: String, kind: RightsFileKind, added: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.file = file
        self.kind = kind
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
    }

    /// Rows in the file.
    public var total: Int { added + updated + unchanged }

    /// `permits.csv: 120 resident permits: 3 added, 2 updated, 115 unchanged`.
    public var description: String {
        "\(file): \(total) \(kind): \(added) added, \(updated) updated, \(unchanged) unchanged"
    }
}
