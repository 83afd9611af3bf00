/// Whether a read text can be a licence plate at all: 4 characters or more, letters and digits.
///
/// German plates have 3-8 characters with both (district letters, 1-4 digits), and most foreign
/// series too. On generated drives the texts the reader finds in façades (rows of windows)
/// are short or of one kind: `D-O 1`, `CJC`, `DDDD`, `OOO`. Requiring 4 characters costs the
/// rare 3-character plates (`M-A 1`): they are counted as unread only when read longer, and
/// never acted on.
enum PlateShape {
    static let minimumCharacters = 4

    static func isPlateLike(_ normalized: String) -> Bool {
        normalized.count >= minimumCharacters && normalized.contains(where: \.isNumber) && normalized.contains(where: \.isLetter)
    }
}
