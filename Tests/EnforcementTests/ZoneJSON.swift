import Foundation
import Enforcement

/// Zone files written inline for tests.
enum ZoneJSON {
    /// A 10 x 2.5 m box near Heidelberg, closed, counter-clockwise.
    static let box = "[[[8.6840, 49.4040], [8.68414, 49.4040], [8.68414, 49.404022], [8.6840, 49.404022], [8.6840, 49.4040]]]"

    /// The properties of a valid paid zone with id `id`.
    static func paid(_ id: String) -> String {
        #""id": "\#(id)", "name": "Zone \#(id)", "kind": "paid", "hours": "Mo-Fr 08:00-20:00", "capacity": 2"#
    }

    static func feature(_ properties: String, type: String = "Polygon", coordinates: String = box) -> String {
        #"{"type": "Feature", "properties": {\#(properties)}, "geometry": {"type": "\#(type)", "coordinates": \#(coordinates)}}"#
    }

    static func collection(_ features: [String]) -> Data {
        Data(#"{"type": "FeatureCollection", "features": [\#(features.joined(separator: ",\n"))]}"#.utf8)
    }

    /// Loads features as one file named `file`.
    static func map(_ features: [String], file: String = "test.geojson") throws(ZoneMapError) -> ZoneMap {
        try ZoneMap(geoJSON: [(file, collection(features))])
    }

    /// The problems loading `features` raises (empty when it loads).
    static func problems(_ features: [String], file: String = "test.geojson") -> [ZoneProblem] {
        do throws(ZoneMapError) {
            _ = try map(features, file: file)
            return []
        } catch {
            return error.problems
        }
    }
}
