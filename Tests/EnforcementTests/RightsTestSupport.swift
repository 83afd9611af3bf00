import Foundation
import Enforcement
import Testing

/// The German plate grammar for the rights tests: PlateReading's rules (1-3 letter district
/// from a list, 1-2 letters, 1-4 digits without leading zero, optional E/H, at most 8
/// characters) with a few districts. `MAB1234` has the splits M-AB 1234 and MA-B 1234.
struct TestPlateGrammar: GermanPlateGrammar {
    static let districts: Set<String> = ["M", "MA", "MAB", "B", "BA", "H", "HD", "K", "S", "DÜW"]

    func canonicalForm(of written: String) -> String? {
        let text = written.uppercased()
        guard let hyphen = text.firstIndex(of: "-") else { return nil }
        let rest = text[text.index(after: hyphen)...].split(separator: " ", omittingEmptySubsequences: false)
        guard rest.count == 2 else { return nil }
        return plate(String(text[..<hyphen]), String(rest[0]), String(rest[1]))
    }

    func splits(ofNormalized normalized: String) -> [String] {
        let chars = Array(normalized.uppercased())
        guard let firstDigit = chars.firstIndex(where: \.isNumber), firstDigit >= 2 else { return [] }
        return (1...min(3, firstDigit - 1)).compactMap { length in
            plate(String(chars[..<length]), String(chars[length..<firstDigit]), String(chars[firstDigit...]))
        }
    }

    private func plate(_ district: String, _ letters: String, _ number: String) -> String? {
        var digits = number
        if let last = digits.last, last == "E" || last == "H" { digits.removeLast() }
        guard Self.districts.contains(district), (1...2).contains(letters.count),
              letters.allSatisfy({ $0.isASCII && $0.isUppercase }), (1...4).contains(digits.count),
              digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.first != "0",
              district.count + letters.count + number.count <= 8
        else { return nil }
        return "\(district)-\(letters) \(number)"
    }
}

/// A database file in a fresh temporary directory; `remove()` deletes the directory with the
/// database, its WAL and shared-memory files.
struct TemporaryDatabase {
    let directory: String
    let path: String

    init() throws {
        directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("rights-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = (directory as NSString).appendingPathComponent("parkscan.sqlite")
    }

    func open() throws -> ParkScanDatabase {
        try ParkScanDatabase(path: path)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// Where a test's database lives: GRDB's own tests run the same test on several.
enum RightsStorage: String, CaseIterable, CustomTestStringConvertible {
    case memoryQueue, filePool

    var testDescription: String { rawValue }

    /// Runs `body` on a fresh database of this kind.
    func withDatabase(_ body: (ParkScanDatabase) throws -> Void) throws {
        switch self {
        case .memoryQueue:
            try body(ParkScanDatabase.inMemory())
        case .filePool:
            let file = try TemporaryDatabase()
            defer { file.remove() }
            try body(file.open())
        }
    }
}

extension PlateKey {
    /// A German plate key for tests: `PlateKey.german("M-AB 1234")`.
    static func german(_ text: String) -> PlateKey {
        try! PlateKey(parsing: text, grammar: TestPlateGrammar())
    }
}

extension RightsImporter {
    /// An importer with the test grammar, Europe/Berlin times.
    init(_ database: ParkScanDatabase) {
        self.init(database: database, grammar: TestPlateGrammar())
    }
}
