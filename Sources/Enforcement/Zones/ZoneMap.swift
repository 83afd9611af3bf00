import Foundation

/// All parking zones of a town, from a folder of GeoJSON files, and the lookup of the zone
/// a sighted car stands in.
///
/// Each zone polygon covers the parking strip along one kerb (or a parking area), not the
/// street: a car's position, offset from the scan vehicle's track towards the camera's side,
/// falls in the strip of the side it is parked on, and a position on the carriageway falls
/// in no zone ("unlocated": counted, never a case).
public struct ZoneMap: Sendable {
    /// The zones, in file order, then feature order.
    public let zones: [ParkingZone]
    private let areas: [Double]
    private let grid: ZoneGrid
    private let indexByID: [String: Int]

    /// A map of `zones`; throws when two zones share an id.
    public init(zones: [ParkingZone]) throws(ZoneMapError) {
        var indexByID: [String: Int] = [:]
        var problems: [ZoneProblem] = []
        for (index, zone) in zones.enumerated() {
            if let first = indexByID[zone.id] {
                problems.append(ZoneProblem(file: zone.source.file, featureIndex: zone.source.featureIndex,
                                            featureID: zone.id, code: .duplicateID,
                                            reason: Self.duplicateReason(zone.id, zones[first].source)))
            } else {
                indexByID[zone.id] = index
            }
        }
        guard problems.isEmpty else { throw ZoneMapError(problems: problems) }
        self.zones = zones
        self.areas = zones.map(\.shape.areaSquareMetres)
        self.grid = ZoneGrid(boxes: zones.map(\.shape.boundingBox))
        self.indexByID = indexByID
    }

    /// Reads zone files given as `(file name for messages, contents)`. Every file is read
    /// and checked before the map is built; any problem in any file throws all of them.
    public init(geoJSON files: [(file: String, data: Data)]) throws(ZoneMapError) {
        var zones: [ParkingZone] = []
        var problems: [ZoneProblem] = []
        var firstUse: [String: ZoneSource] = [:]
        for (file, data) in files {
            let result = ZoneFileReader.read(data, file: file)
            zones += result.zones
            problems += result.problems
            // Ids of invalid features count too, so one run reports every duplicate.
            for (id, index) in result.ids {
                if let earlier = firstUse[id] {
                    problems.append(ZoneProblem(file: file, featureIndex: index, featureID: id, code: .duplicateID,
                                                reason: Self.duplicateReason(id, earlier)))
                } else {
                    firstUse[id] = ZoneSource(file: file, featureIndex: index)
                }
            }
        }
        guard problems.isEmpty else {
            throw ZoneMapError(problems: Self.inFileOrder(problems, files: files.map(\.file)))
        }
        try self.init(zones: zones)
    }

    /// Reads every `.geojson` file in `folder` (not its subfolders), in name order.
    public static func load(folder: URL) throws(ZoneMapError) -> ZoneMap {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.lowercased().hasSuffix(".geojson") }
                .sorted()
        } catch {
            throw ZoneMapError(problems: [ZoneProblem(file: folder.path, code: .unreadableFile,
                                                      reason: "cannot list the folder: \(error.localizedDescription)")])
        }
        guard !names.isEmpty else {
            throw ZoneMapError(problems: [ZoneProblem(file: folder.path, code: .noZoneFiles,
                                                      reason: "no .geojson zone files in this folder")])
        }
        return try load(files: names.map { folder.appendingPathComponent($0) })
    }

    /// Reads the given zone files.
    public static func load(files: [URL]) throws(ZoneMapError) -> ZoneMap {
        var contents: [(file: String, data: Data)] = []
        var problems: [ZoneProblem] = []
        for url in files {
            do {
                contents.append((url.path, try Data(contentsOf: url)))
            } catch {
                problems.append(ZoneProblem(file: url.path, code: .unreadableFile,
                                            reason: "cannot read: \(error.localizedDescription)"))
            }
        }
        guard problems.isEmpty else { throw ZoneMapError(problems: problems) }
        return try ZoneMap(geoJSON: contents)
    }

    /// The zone with this id.
    public func zone(id: String) -> ParkingZone? {
        indexByID[id].map { zones[$0] }
    }

    /// The zone a car at `point` stands in, or `nil` when it is in none (unlocated).
    ///
    /// Where zones overlap (a loading bay drawn inside a longer strip), the smallest zone
    /// wins: it is the more specific rule.
    public func zone(containing point: ZonePoint) -> ParkingZone? {
        var best: Int?
        for index in grid.candidates(for: point) where zones[index].contains(point) {
            if let current = best, areas[current] < areas[index]
                || (areas[current] == areas[index] && zones[current].id < zones[index].id) {
                continue
            }
            best = index
        }
        return best.map { zones[$0] }
    }

    /// The zone `point` stands in, or else the nearest zone at most `tolerance` metres away.
    ///
    /// A car's position comes from GPS, heading and the camera's offset, good to a metre or
    /// two, while a kerb strip is about 2.5 m wide: a car parked at the strip's edge is often
    /// placed just outside it. A tolerance well under half the carriageway (7 m) can never
    /// reach the zone on the other side of the street.
    public func zone(near point: ZonePoint, within tolerance: Double) -> ParkingZone? {
        if let zone = zone(containing: point) { return zone }
        guard tolerance > 0 else { return nil }
        var best: (distance: Double, index: Int)?
        for (index, zone) in zones.enumerated() {
            let distance = zone.shape.polygons.map { $0.distanceMetres(to: point) }.min() ?? .infinity
            if distance <= tolerance, distance < (best?.distance ?? .infinity) { best = (distance, index) }
        }
        return best.map { zones[$0.index] }
    }

    /// The zone at a latitude and longitude in degrees; see `zone(containing:)`.
    public func zone(latitude: Double, longitude: Double) -> ParkingZone? {
        zone(containing: ZonePoint(latitude: latitude, longitude: longitude))
    }

    private static func duplicateReason(_ id: String, _ earlier: ZoneSource) -> String {
        "duplicate id \"\(id)\" (first used by feature \(earlier.featureIndex) in \(earlier.file))"
    }

    private static func inFileOrder(_ problems: [ZoneProblem], files: [String]) -> [ZoneProblem] {
        let fileOrder = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return problems.enumerated().sorted { a, b in
            let keyA = (fileOrder[a.element.file] ?? 0, a.element.featureIndex ?? -1, a.offset)
            let keyB = (fileOrder[b.element.file] ?? 0, b.element.featureIndex ?? -1, b.offset)
            return keyA < keyB
        }.map(\.element)
    }
}
