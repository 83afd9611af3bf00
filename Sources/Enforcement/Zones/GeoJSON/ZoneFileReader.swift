import DriveInput
import Foundation

/// Reads one zone file, a GeoJSON FeatureCollection (RFC 7946 § 3.3), into zones,
/// collecting the problems of all its features.
enum ZoneFileReader {
    /// The zones of `data`, read from `file` (the name used in messages), the ids of all
    /// features that have one (valid or not), and every problem.
    static func read(_ data: Data, file: String)
        -> (zones: [ParkingZone], ids: [(id: String, featureIndex: Int)], problems: [ZoneProblem]) {
        let document: JSONValue
        do {
            document = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            return ([], [], [ZoneProblem(file: file, code: .invalidJSON, reason: "not valid JSON: \(Self.syntaxError(data) ?? "\(error)")")])
        }
        guard case .string("FeatureCollection") = document["type"], case .array(let features) = document["features"] else {
            return ([], [], [ZoneProblem(file: file, code: .notFeatureCollection,
                                     reason: "not a GeoJSON FeatureCollection (expected {\"type\": \"FeatureCollection\", \"features\": [...]})")])
        }
        var zones: [ParkingZone] = []
        var ids: [(id: String, featureIndex: Int)] = []
        var problems: [ZoneProblem] = []
        for (index, feature) in features.enumerated() {
            let result = ZoneFeatureReader.read(feature, file: file, index: index)
            if let zone = result.zone { zones.append(zone) }
            if let id = result.id, !id.isEmpty { ids.append((id, index)) }
            problems += result.problems
        }
        return (zones, ids, problems)
    }

    /// JSONDecoder does not say where the syntax error is; JSONSerialization does, as a
    /// byte offset ("Invalid value around character 46."), given here with line and column.
    private static func syntaxError(_ data: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            guard let message = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String else { return nil }
            guard let range = message.range(of: "around character "),
                  let offset = Int(message[range.upperBound...].prefix(while: \.isNumber)), offset <= data.count else {
                return message
            }
            let before = data.prefix(offset)
            let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let column = offset - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
            return "\(message) (line \(line), column \(column))"
        }
    }
}
