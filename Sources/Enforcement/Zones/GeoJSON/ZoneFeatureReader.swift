import DriveInput
/// Reads one GeoJSON Feature into a `ParkingZone`, collecting every problem with the
/// feature's index and id. The property schema is documented in `Zones/README.md`.
struct ZoneFeatureReader {
    let file: String
    let index: Int
    private let properties: [String: JSONValue]
    private(set) var featureID: String?
    private(set) var problems: [ZoneProblem] = []

    private init(file: String, index: Int, properties: [String: JSONValue] = [:]) {
        self.file = file
        self.index = index
        self.properties = properties
    }

    /// The zone, or `nil` with `problems` set; the feature's id whenever it has one, so that
    /// duplicates are found among invalid features too.
    static func read(_ feature: JSONValue, file: String, index: Int)
        -> (zone: ParkingZone?, id: String?, problems: [ZoneProblem]) {
        var reader = ZoneFeatureReader(file: file, index: index)
        guard case .object = feature, case .string("Feature") = feature["type"] else {
            reader.problem(.badGeometry, "not a GeoJSON Feature (\"type\": \"Feature\")")
            return (nil, nil, reader.problems)
        }
        guard case .object(let properties) = feature["properties"] else {
            reader.problem(.missingProperty, "no \"properties\" object (id, name, kind, hours, capacity are required)")
            return (nil, nil, reader.problems)
        }
        reader = ZoneFeatureReader(file: file, index: index, properties: properties)
        let zone = reader.zone(geometry: feature["geometry"])
        return (reader.problems.isEmpty ? zone : nil, reader.featureID, reader.problems)
    }

    private mutating func zone(geometry: JSONValue?) -> ParkingZone? {
        // The id first, so that every later message names it.
        let id = string("id", required: true)
        if let id, id.isEmpty { problem(.badValue, "\"id\" is empty") }
        featureID = id
        let name = string("name", required: true)
        let kind = self.kind()
        let hours = self.hours()
        let maxStay = integer("maxStayMinutes", required: kind == .timeLimited, range: 1...(7 * 24 * 60))
        if let kind, kind != .timeLimited, maxStay != nil {
            problem(.badValue, "\"maxStayMinutes\" applies to time-limited zones only, this zone is \(kind.rawValue)")
        }
        let disc = boolean("parkingDisc") ?? false
        if let kind, kind != .timeLimited, disc {
            problem(.badValue, "\"parkingDisc\" applies to time-limited zones only, this zone is \(kind.rawValue)")
        }
        let grace = integer("graceMinutes", required: false, range: 0...120) ?? 0
        let capacity = integer("capacity", required: true, range: 0...10_000)
        let areas = permitAreas(kind: kind)
        let confirmation = integer("confirmationMinutes", required: false, range: 1...240) ?? 10
        let side = self.side()
        let street = string("street", required: false)

        var geometryReader = GeoJSONGeometryReader()
        let shape = geometryReader.shape(from: geometry)
        for found in geometryReader.problems { problem(found.code, found.reason) }

        guard problems.isEmpty, let id, let name, let kind, let hours, let capacity, let shape else { return nil }
        return ParkingZone(id: id, name: name, kind: kind, hours: hours, maxStayMinutes: maxStay,
                           parkingDisc: disc, graceMinutes: grace, capacity: capacity,
                           permitAreas: areas, confirmationMinutes: confirmation, side: side,
                           street: street, shape: shape, source: ZoneSource(file: file, featureIndex: index))
    }

    private mutating func kind() -> ZoneKind? {
        guard let text = string("kind", required: true) else { return nil }
        guard let kind = ZoneKind(rawValue: text) else {
            let known = ZoneKind.allCases.map(\.rawValue).joined(separator: ", ")
            problem(.unknownKind, "unknown kind \"\(text)\" (expected one of \(known))")
            return nil
        }
        return kind
    }

    private mutating func hours() -> OpeningHours? {
        guard let text = string("hours", required: true) else { return nil }
        do throws(OpeningHoursError) {
            return try OpeningHours(text)
        } catch {
            problem(.badHours, error.description)
            return nil
        }
    }

    private mutating func side() -> StreetSide? {
        guard let text = string("side", required: false) else { return nil }
        guard let side = StreetSide(rawValue: text) else {
            problem(.badValue, "unknown side \"\(text)\" (expected left, right or both)")
            return nil
        }
        return side
    }

    /// Required and non-empty for resident and mixed zones; allowed on time-limited zones
    /// (residents exempt from the max stay); meaningless, so refused, elsewhere.
    private mutating func permitAreas(kind: ZoneKind?) -> [String] {
        let needed = kind == .resident || kind == .mixed
        guard let value = properties["permitAreas"] else {
            if needed { problem(.missingProperty, "missing \"permitAreas\" (a \(kind!.rawValue) zone needs at least one, e.g. [\"W1\"])") }
            return []
        }
        guard case .array(let items) = value else {
            problem(.wrongType, "\"permitAreas\" is \(value.typeName), expected an array of strings")
            return []
        }
        var areas: [String] = []
        for item in items {
            guard case .string(let area) = item, !area.isEmpty else {
                problem(.wrongType, "\"permitAreas\" holds \(item.typeName), expected non-empty strings")
                return []
            }
            areas.append(area)
        }
        if needed && areas.isEmpty {
            problem(.badValue, "\"permitAreas\" is empty; a \(kind!.rawValue) zone needs at least one")
        }
        if let kind, kind == .paid || kind == .noParking, !areas.isEmpty {
            problem(.badValue, "\"permitAreas\" has no effect in a \(kind.rawValue) zone (paid with residents exempt is kind \"mixed\")")
        }
        return areas
    }

    private mutating func string(_ key: String, required: Bool) -> String? {
        switch properties[key] {
        case nil, .null?:
            if required { problem(.missingProperty, "missing \"\(key)\"") }
            return nil
        case .string(let text)?:
            return text
        case let other?:
            problem(.wrongType, "\"\(key)\" is \(other.typeName), expected a string")
            return nil
        }
    }

    private mutating func integer(_ key: String, required: Bool, range: ClosedRange<Int>) -> Int? {
        switch properties[key] {
        case nil, .null?:
            if required { problem(.missingProperty, "missing \"\(key)\"") }
            return nil
        case .number(let number)?:
            guard number.rounded() == number, let value = Int(exactly: number) else {
                problem(.wrongType, "\"\(key)\" is \(number), expected a whole number")
                return nil
            }
            guard range.contains(value) else {
                problem(.badValue, "\"\(key)\" is \(value), expected \(range.lowerBound)…\(range.upperBound)")
                return nil
            }
            return value
        case let other?:
            problem(.wrongType, "\"\(key)\" is \(other.typeName), expected a whole number")
            return nil
        }
    }

    private mutating func boolean(_ key: String) -> Bool? {
        switch properties[key] {
        case nil, .null?:
            return nil
        case .bool(let value)?:
            return value
        case let other?:
            problem(.wrongType, "\"\(key)\" is \(other.typeName), expected true or false")
            return nil
        }
    }

    private mutating func problem(_ code: ZoneProblem.Code, _ reason: String) {
        problems.append(ZoneProblem(file: file, featureIndex: index, featureID: featureID, code: code, reason: reason))
    }
}
