/// The ground a zone covers: one polygon, or several for a GeoJSON MultiPolygon (a strip
/// interrupted by a driveway, say).
public struct ZoneShape: Sendable, Hashable {
    /// The polygons; never empty.
    public let polygons: [ZonePolygon]
    /// The box around all polygons.
    public let boundingBox: ZoneBoundingBox

    /// A shape from at least one polygon; an empty list is a programming error (zone files
    /// without a polygon are reported when they are read, never reach this).
    public init(polygons: [ZonePolygon]) {
        precondition(!polygons.isEmpty, "a zone shape needs at least one polygon")
        self.polygons = polygons
        self.boundingBox = polygons.dropFirst().reduce(polygons[0].boundingBox) { $0.union($1.boundingBox) }
    }

    /// Whether `point` lies in any of the polygons.
    public func contains(_ point: ZonePoint) -> Bool {
        boundingBox.contains(point) && polygons.contains { $0.contains(point) }
    }

    /// The area in square metres.
    public var areaSquareMetres: Double {
        polygons.reduce(0) { $0 + $1.areaSquareMetres }
    }
}
