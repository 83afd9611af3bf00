/// Text that cannot be turned into a ``PlateKey``, with a message a person can act on.
public struct PlateKeyError: Error, CustomStringConvertible, Sendable, Hashable {
    /// What went wrong, to match on.
    public enum Code: Sendable, Hashable {
        /// Nothing but separators.
        case empty
        /// A character that is neither a letter, a digit, a hyphen nor a space.
        case invalidCharacter
        /// Not a grammatical German plate.
        case notGerman
        /// German letters and digits without the hyphen that admit several splits.
        case ambiguousSplit
        /// The country is not 1-3 letters.
        case invalidCountry
    }

    /// What went wrong.
    public let code: Code
    /// The message, quoting the input: `plate "MAB1234" has several splits (M-AB 1234,
    /// MA-B 1234); write it with its hyphen`.
    public let message: String

    /// An error with `code` and `message`.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
