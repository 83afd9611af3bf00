import Foundation

/// A JSON object of `drive.json` being validated: typed access by key, with errors that say
/// where the value is, and a check that every key was used.
struct ManifestObject {
    private var remaining: [String: JSONValue]
    private let place: String
    private let file: String

    init(_ value: JSONValue, at place: String, file: String) throws(DriveInputError) {
        guard case .object(let object) = value else {
            throw DriveInputError(code: .invalidDriveDescription, message: "\(place) must be an object {…}", path: file)
        }
        remaining = object
        self.place = place
        self.file = file
    }

    /// Removes and returns the value for `key`; JSON null counts as absent.
    mutating func take(_ key: String) -> JSONValue? {
        guard let value = remaining.removeValue(forKey: key), value != .null else { return nil }
        return value
    }

    mutating func string(_ key: String) throws(DriveInputError) -> String? {
        guard let value = take(key) else { return nil }
        guard case .string(let string) = value else { throw wrongType(key, expected: "a string") }
        return string
    }

    mutating func number(_ key: String) throws(DriveInputError) -> Double? {
        guard let value = take(key) else { return nil }
        guard case .number(let number) = value, number.isFinite else { throw wrongType(key, expected: "a number") }
        return number
    }

    /// Throws for the first key no one asked for (sorted, so the message is stable).
    func rejectUnknownKeys(known: [String]) throws(DriveInputError) {
        guard let key = remaining.keys.sorted().first else { return }
        let owner = place == "the top level" ? "" : "\(place): "
        throw DriveInputError(
            code: .invalidDriveDescription,
            message: "\(owner)unknown field \"\(key)\" (known: \(known.joined(separator: ", ")))", path: file
        )
    }

    private func wrongType(_ key: String, expected: String) -> DriveInputError {
        let owner = place == "the top level" ? "" : "\(place)."
        return DriveInputError(code: .invalidDriveDescription, message: "\(owner)\(key) must be \(expected)", path: file)
    }
}
