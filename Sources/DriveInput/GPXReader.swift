import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads GPX 1.1 tracks: every `<trkpt lat="…" lon="…">` with its `<time>` and `<ele>`.
///
/// Times are ISO 8601 (`2024-11-26T09:12:25Z`, `…25.123Z`, `…25.5+01:00`); GPX defines
/// them as UTC, so a time without a zone is read as UTC. Track segments and tracks are
/// joined in file order; routes (`<rtept>`) and waypoints (`<wpt>`) are not a drive and are
/// ignored, as are `<extensions>`. A track point without a usable `lat`, `lon` or `<time>`
/// is skipped and reported with its line; XML that is not well-formed is an error naming
/// the line where the parser stopped.
public enum GPXReader {
    /// Reads a GPX file. See ``log(from:file:)``.
    public static func log(contentsOf path: String) throws(DriveInputError) -> GPSLog {
        try log(from: try readFile(path), file: path)
    }

    /// Reads GPX from memory.
    /// - Parameter file: the name used in errors and issues.
    /// - Throws: ``DriveInputError`` (`.invalidGPSData`) when the XML is not well-formed or
    ///   the root element is not `<gpx>`.
    public static func log(from data: Data, file: String) throws(DriveInputError) -> GPSLog {
        let collector = GPXTrackPointCollector(file: file)
        // libxml2, behind FoundationXML on Linux, is not thread-safe: one parse at a time.
        let failure: (line: Int, message: String)? = xmlParsing.withLock {
            let parser = XMLParser(data: data)
            parser.shouldProcessNamespaces = false
            parser.shouldResolveExternalEntities = false
            parser.delegate = collector
            // On Linux `parse()` returns true even after an error was reported, and reports
            // nothing for a document cut off inside its first tag: check both ourselves.
            let succeeded = parser.parse()
            if let failure = collector.failure { return failure }
            if !succeeded || parser.parserError != nil {
                let code = (parser.parserError as NSError?)?.code ?? -1
                return (parser.lineNumber, "XML is not well-formed (\(GPXTrackPointCollector.describe(code)))")
            }
            if collector.rootElement != nil, !collector.rootClosed {
                return (parser.lineNumber, "the document ends before its root element is closed (truncated file?)")
            }
            return nil
        }
        if let failure {
            throw DriveInputError(code: .invalidGPSData, message: failure.message, path: file, line: failure.line)
        }
        guard collector.rootElement == "gpx" else {
            let message = collector.rootElement.map { "not GPX: the root element is <\($0)>, not <gpx>" }
                ?? "not GPX: no root element (empty or truncated file?)"
            throw DriveInputError(code: .invalidGPSData, message: message, path: file)
        }
        return GPSLog(fixes: collector.fixes, issues: collector.issues)
    }

    private static let xmlParsing = NSLock()
}
