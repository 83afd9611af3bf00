import Foundation

/// Validates XML against the DATEX II v3.7 schemas with xmllint (Debian's libxml2-utils).
///
/// The schemas are not shipped with the project; they are looked for in `../shared/data/
/// datex2-v3.7` beside the checkout. Without them the check is skipped (the caller prints why).
enum SchemaValidation {
    static let schemaFolder = OccupancyFixture.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/data/datex2-v3.7")
    static let entryPoint = schemaFolder.appendingPathComponent("DATEXII_3_D2Payload.xsd")

    /// Why validation cannot run here, or nil when it can.
    static var unavailableReason: String? {
        FileManager.default.fileExists(atPath: entryPoint.path)
            ? nil : "skipped: DATEX II schemas not found at \(schemaFolder.path) (they are not shipped with the project)"
    }

    static func xmllintPath() -> String? {
        ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"].first(where: FileManager.default.isExecutableFile)
    }

    /// xmllint's exit status and messages for `xml`; with `schema` false only well-formedness.
    static func run(_ xml: String, schema: Bool = true) throws -> (status: Int32, output: String) {
        guard let xmllint = xmllintPath() else {
            return (127, "xmllint not found: install libxml2-utils (scripts/install-system-packages.sh does)")
        }
        let file = (NSTemporaryDirectory() as NSString).appendingPathComponent("datex-\(UUID().uuidString).xml")
        try xml.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = schema ? ["--noout", "--nonet", "--schema", entryPoint.path, file] : ["--noout", "--nonet", file]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
