/// A request for an export that cannot be answered as asked: the message says what to change.
public enum OccupancyExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A zone id the map does not have.
    case unknownZone(String, known: [String])
    /// An empty zone id (`--zone ""`, `?zone=a,,b`).
    case emptyZone
    /// A time that is not in an accepted form.
    case badTime(String)
    /// A DATEX publication for zones none of which is a parking place (only no-parking zones).
    case noParkingPlaces([String])

    public var description: String {
        switch self {
        case .unknownZone(let id, let known):
            let list = known.count <= 20 ? known.joined(separator: ", ") : known.prefix(20).joined(separator: ", ") + ", ..."
            return "unknown zone \"\(Self.printable(id))\" (zones in the map: \(list))"
        case .emptyZone:
            return "empty zone id: give zone ids separated by commas, e.g. zone=roe-o-1,roe-w-2"
        case .badTime(let text):
            return "bad time \"\(Self.printable(text))\": use ISO 8601 with an offset (2025-11-04T10:15:00+01:00 or "
                + "2025-11-04T09:15:00Z) or local Berlin time (2025-11-04T10:15 or 2025-11-04 10:15:00)"
        case .noParkingPlaces(let ids):
            return "zones \(ids.joined(separator: ", ")) are no-parking zones: DATEX II parking publications list "
                + "places where parking is allowed; use geojson or csv for them"
        }
    }

    /// At most 80 characters, control characters escaped: the value goes back into an error
    /// message (and an HTTP body), so it must neither flood nor mangle it.
    private static func printable(_ text: String) -> String {
        let shown = text.unicodeScalars.prefix(80).map { scalar -> String in
            scalar.properties.generalCategory == .control ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
        return text.unicodeScalars.count > 80 ? shown + "..." : shown
    }
}
