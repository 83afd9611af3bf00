import Enforcement
import Foundation

/// The zones as a GeoJSON `FeatureCollection` (RFC 7946) with their latest occupancy as
/// properties, for web maps and GIS.
///
/// Geometry is the zone's polygon(s) as in the zone files (`[longitude, latitude]`); properties
/// are `null` where nothing is known (a zone no pass has counted). No-parking zones are
/// included (their `vehicles` are the cars found standing there). Written by hand so that
/// numbers keep a fixed precision and key order is stable: the same data gives the same bytes
/// (and the same HTTP ETag).
public struct OccupancyGeoJSON: Sendable {
    public let thresholds: OccupancyThresholds

    public init(thresholds: OccupancyThresholds = .standard) {
        self.thresholds = thresholds
    }

    public func json(_ snapshot: OccupancySnapshot) -> String {
        var out = "{\"type\":\"FeatureCollection\",\"features\":["
        for (index, place) in snapshot.zones.enumerated() {
            if index > 0 { out += "," }
            out += "\n" + feature(place)
        }
        out += "\n]}\n"
        return out
    }

    private func feature(_ place: ZoneOccupancy) -> String {
        let zone = place.zone
        let observation = place.observation
        var properties: [(String, String)] = [
            ("id", JSONText.string(zone.id)),
            ("name", JSONText.string(zone.name)),
            ("kind", JSONText.string(zone.kind.rawValue)),
            ("street", zone.street.map(JSONText.string) ?? "null"),
            ("side", zone.side.map { JSONText.string($0.rawValue) } ?? "null"),
            ("hours", JSONText.string(zone.hours.text)),
            ("capacity", String(zone.capacity)),
            ("status", JSONText.string(place.level(thresholds: thresholds).rawValue)),
            ("vehicles", observation.map { String($0.vehicles) } ?? "null"),
            ("occupiedSpaces", place.occupiedSpaces.map(String.init) ?? "null"),
            ("vacantSpaces", place.vacantSpaces.map(String.init) ?? "null"),
            ("occupancyPercent", place.occupancyPercent.map { DatexNumber.decimal($0, decimals: 1) } ?? "null"),
            ("lastUpdated", observation.map { JSONText.string(OccupancyTime.format($0.periodEnd)) } ?? "null"),
            ("passStart", observation.map { JSONText.string(OccupancyTime.format($0.periodStart)) } ?? "null"),
        ]
        let counts: [(String, KeyPath<ZoneObservation, Int>)] = [
            ("resident", \.resident), ("paid", \.paid), ("exempt", \.exempt), ("suspected", \.suspected),
            ("unread", \.unread), ("unchecked", \.unchecked),
        ]
        for (name, path) in counts {
            properties.append((name, observation.map { String($0[keyPath: path]) } ?? "null"))
        }
        properties.append(("meanDwellMinutes",
                           observation?.meanDwell.map { DatexNumber.decimal($0 / 60, decimals: 1) } ?? "null"))
        let propertyText = properties.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",")
        return "{\"type\":\"Feature\",\"id\":\(JSONText.string(zone.id)),\"geometry\":\(geometry(zone.shape)),"
            + "\"properties\":{\(propertyText)}}"
    }

    private func geometry(_ shape: ZoneShape) -> String {
        func ring(_ points: [ZonePoint]) -> String {
            "[" + points.map { "[\(DatexNumber.coordinate($0.longitude)),\(DatexNumber.coordinate($0.latitude))]" }
                .joined(separator: ",") + "]"
        }
        func polygon(_ polygon: ZonePolygon) -> String {
            "[" + ([polygon.outer] + polygon.holes).map(ring).joined(separator: ",") + "]"
        }
        if shape.polygons.count == 1 {
            return "{\"type\":\"Polygon\",\"coordinates\":\(polygon(shape.polygons[0]))}"
        }
        return "{\"type\":\"MultiPolygon\",\"coordinates\":[" + shape.polygons.map(polygon).joined(separator: ",") + "]}"
    }
}

/// JSON string literals (RFC 8259 § 7).
enum JSONText {
    static func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
