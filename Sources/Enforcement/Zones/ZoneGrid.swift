/// A coarse grid over the map: each cell lists the zones whose bounding box touches it, so
/// a lookup tests a handful of zones instead of all of them.
///
/// Cells are 0.001° (about 110 m north-south, 70 m east-west in Germany), about the length
/// of a zone strip. Zones larger than 256 cells are kept in a list tested on every lookup.
struct ZoneGrid: Sendable {
    private static let cellDegrees = 0.001
    private static let largeZoneCells = 256

    private var cells: [Int: [Int]] = [:]
    private var large: [Int] = []

    /// A grid over `boxes`; lookups return indices into that array.
    init(boxes: [ZoneBoundingBox]) {
        for (index, box) in boxes.enumerated() {
            let rows = Self.cell(box.minLatitude)...Self.cell(box.maxLatitude)
            let columns = Self.cell(box.minLongitude)...Self.cell(box.maxLongitude)
            if rows.count * columns.count > Self.largeZoneCells {
                large.append(index)
                continue
            }
            for row in rows {
                for column in columns {
                    cells[Self.key(row, column), default: []].append(index)
                }
            }
        }
    }

    /// Indices of the zones whose bounding box may contain `point`.
    func candidates(for point: ZonePoint) -> [Int] {
        let inCell = cells[Self.key(Self.cell(point.latitude), Self.cell(point.longitude))] ?? []
        return large.isEmpty ? inCell : inCell + large
    }

    private static func cell(_ degrees: Double) -> Int {
        Int((degrees / cellDegrees).rounded(.down))
    }

    /// Rows span -90 000…90 000 and columns -180 000…180 000, so this is unique.
    private static func key(_ row: Int, _ column: Int) -> Int {
        row * 1_000_000 + column
    }
}
