/// Where a zone was defined: a file and the feature's index in its `features` array.
public struct ZoneSource: Sendable, Hashable, CustomStringConvertible {
    /// The file's path as given to the loader.
    public let file: String
    /// The feature's index in the file's `features` array.
    public let featureIndex: Int

    /// A source position.
    public init(file: String, featureIndex: Int) {
        self.file = file
        self.featureIndex = featureIndex
    }

    public var description: String { "\(file): feature \(featureIndex)" }
}
