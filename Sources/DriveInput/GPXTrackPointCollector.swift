import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The `XMLParser` delegate behind ``GPXReader``: collects track points.
final class GPXTrackPointCollector: NSObject, XMLParserDelegate {
    let file: String
    private(set) var fixes: [GPSFix] = []
    private(set) var issues: [DriveInputIssue] = []
    private(set) var rootElement: String?
    /// Whether the root element's end tag was read.
    private(set) var rootClosed = false
    /// Line and message of the first parse error the parser reported.
    var failure: (line: Int, message: String)?

    /// Names of the open elements, prefixes removed.
    private var openElements: [String] = []
    private var point: (line: Int, latitude: String?, longitude: String?)?
    private var pointTime: String?
    private var pointElevation: String?
    private var text = ""

    init(file: String) {
        self.file = file
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        let name = localName(elementName)
        if rootElement == nil { rootElement = name }
        if name == "trkpt", openElements.last == "trkseg" {
            point = (parser.lineNumber, attributes["lat"], attributes["lon"])
            pointTime = nil
            pointElevation = nil
        }
        openElements.append(name)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let name = localName(elementName)
        guard !openElements.isEmpty else { return }
        openElements.removeLast()
        if openElements.isEmpty { rootClosed = true }
        let inPoint = point != nil && openElements.last == "trkpt"
        switch name {
        case "time" where inPoint: pointTime = text.trimmingCharacters(in: .whitespacesAndNewlines)
        case "ele" where inPoint: pointElevation = text.trimmingCharacters(in: .whitespacesAndNewlines)
        case "trkpt" where point != nil && openElements.last == "trkseg": finishPoint()
        default: break
        }
        text = ""
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard failure == nil else { return }
        failure = (parser.lineNumber, "XML is not well-formed (\(Self.describe((parseError as NSError).code)))")
    }

    /// Words for the libxml2 error codes a broken or cut-off GPX file gives most often.
    static func describe(_ code: Int) -> String {
        let words: [Int: String] = [
            4: "the document is empty",
            5: "the document ends early or has extra content after the root element",
            9: "invalid character",
            39: "attribute value not started",
            41: "attribute without a value",
            65: "space required",
            68: "name expected",
            73: "'>' expected",
            76: "end tag does not match the start tag",
            77: "tag not finished",
            85: "elements not balanced",
        ]
        return words[code].map { "\($0); XMLParser error \(code)" } ?? "XMLParser error \(code)"
    }

    private func finishPoint() {
        defer { point = nil }
        guard let point else { return }
        func skip(_ message: String) {
            issues.append(DriveInputIssue(file: file, line: point.line, message: "track point \(message); skipped"))
        }
        guard let latitudeText = point.latitude, let latitude = Double(latitudeText), latitude.isFinite, abs(latitude) <= 90 else {
            return skip("has no valid lat attribute (\(point.latitude.map { "\"\($0)\"" } ?? "missing"))")
        }
        guard let longitudeText = point.longitude, let longitude = Double(longitudeText), longitude.isFinite, abs(longitude) <= 180 else {
            return skip("has no valid lon attribute (\(point.longitude.map { "\"\($0)\"" } ?? "missing"))")
        }
        guard let timeText = pointTime else { return skip("has no <time>") }
        guard let time = UTCTime.parseISO8601(timeText, assumingUTC: true) else {
            return skip("time \"\(timeText.prefix(40))\" is not ISO 8601 (e.g. 2024-11-26T09:12:25.123Z)")
        }
        let elevation = pointElevation.flatMap(Double.init).flatMap { $0.isFinite ? $0 : nil }
        fixes.append(GPSFix(time: time, location: GeoPoint(latitude: latitude, longitude: longitude), altitude: elevation))
    }

    private func localName(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }
}
