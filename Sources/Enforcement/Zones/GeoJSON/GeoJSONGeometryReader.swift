import DriveInput
/// Reads a GeoJSON Polygon or MultiPolygon geometry (RFC 7946 § 3.1.6-3.1.7) into a
/// `ZoneShape`, collecting every problem rather than stopping at the first.
struct GeoJSONGeometryReader {
    /// Problems found, each with its code and a reason naming the ring or position.
    private(set) var problems: [(code: ZoneProblem.Code, reason: String)] = []

    /// The shape, or `nil` when any problem was found.
    mutating func shape(from geometry: JSONValue?) -> ZoneShape? {
        guard let geometry, case .object = geometry else {
            let found = geometry?.typeName ?? "null"
            problem(.badGeometry, found == "null"
                ? "no geometry (expected a Polygon or MultiPolygon)"
                : "geometry is \(found), expected an object")
            return nil
        }
        guard case .string(let type) = geometry["type"] else {
            problem(.badGeometry, "geometry has no \"type\"")
            return nil
        }
        guard let coordinates = geometry["coordinates"], case .array(let members) = coordinates else {
            problem(.badGeometry, "\(type) has no \"coordinates\" array")
            return nil
        }
        var polygons: [ZonePolygon] = []
        switch type {
        case "Polygon":
            if let polygon = self.polygon(members, label: "") { polygons.append(polygon) }
        case "MultiPolygon":
            if members.isEmpty { problem(.badGeometry, "MultiPolygon has no polygons") }
            for (index, member) in members.enumerated() {
                guard case .array(let rings) = member else {
                    problem(.badGeometry, "polygon \(index) is \(member.typeName), expected an array of rings")
                    continue
                }
                if let polygon = self.polygon(rings, label: "polygon \(index), ") { polygons.append(polygon) }
            }
        default:
            problem(.badGeometry, "geometry is a \(type); zones must be a Polygon or MultiPolygon (the parking strip's outline)")
            return nil
        }
        guard problems.isEmpty, !polygons.isEmpty else { return nil }
        return ZoneShape(polygons: polygons)
    }

    private mutating func polygon(_ rings: [JSONValue], label: String) -> ZonePolygon? {
        guard !rings.isEmpty else {
            problem(.badGeometry, "\(label)polygon has no rings")
            return nil
        }
        var parsed: [[ZonePoint]] = []
        for (index, ring) in rings.enumerated() {
            let name = index == 0 ? "\(label)outer ring" : "\(label)ring \(index) (hole)"
            if let points = self.ring(ring, name: name) { parsed.append(points) }
        }
        guard parsed.count == rings.count else { return nil }
        return ZonePolygon(outer: parsed[0], holes: Array(parsed.dropFirst()))
    }

    /// A linear ring: at least four positions, the last equal to the first.
    private mutating func ring(_ ring: JSONValue, name: String) -> [ZonePoint]? {
        guard case .array(let positions) = ring else {
            problem(.badGeometry, "\(name) is \(ring.typeName), expected an array of positions")
            return nil
        }
        var points: [ZonePoint] = []
        var outOfRange: [String] = []
        var valid = true
        for (index, position) in positions.enumerated() {
            guard case .array(let numbers) = position, (2...3).contains(numbers.count),
                  case .number(let longitude) = numbers[0], case .number(let latitude) = numbers[1] else {
                problem(.badGeometry, "\(name), position \(index) is not [longitude, latitude]")
                valid = false
                continue
            }
            if !(-180...180).contains(longitude) || !(-90...90).contains(latitude) {
                outOfRange.append("position \(index) [\(longitude), \(latitude)]")
                valid = false
            }
            points.append(ZonePoint(latitude: latitude, longitude: longitude))
        }
        if !outOfRange.isEmpty {
            let shown = outOfRange.prefix(3).joined(separator: ", ") + (outOfRange.count > 3 ? ", …" : "")
            problem(.coordinateOutOfRange,
                    "\(name): coordinates out of range (longitude -180…180, latitude -90…90; GeoJSON puts longitude first): \(shown)")
        }
        guard valid else { return nil }
        if points.count < 4 {
            problem(.badGeometry, "\(name) has \(points.count) positions; a ring needs at least 4 (the first repeated at the end)")
            return nil
        }
        if points.first != points.last {
            problem(.unclosedRing, "\(name) is not closed: its last position must repeat the first")
            return nil
        }
        return points
    }

    private mutating func problem(_ code: ZoneProblem.Code, _ reason: String) {
        problems.append((code, reason))
    }
}
