import Foundation
import PlateReading

/// The vehicles counted in the current pass, in memory only: it holds the plates of compliant
/// cars, which are never written (and is dropped at the end of each pass).
///
/// A car is one vehicle per pass, however often it is seen:
/// - a sure plate is decided and counted once per zone and pass (the exact plate key);
/// - a sighting whose plate is within one edit of a vehicle already counted in the zone this
///   pass is that vehicle again (a corner seen twice, a track the OCR split): not counted
///   again. When an unread sighting was counted first and the same car is then read surely,
///   the count moves from unread to the sure sighting's status;
/// - a plate seen only far down the street (``isFarAway(camera:height:)``), read or not, is
///   not counted: it is counted when the vehicle passes it;
/// - an unread box far wider than the camera's sure plates (``isTooWide(camera:box:)``) is no
///   plate beside the vehicle.
struct PassVehicles {
    /// How a sighting adds to the occupancy.
    enum Count: Equatable {
        /// A vehicle not counted before in this pass.
        case new
        /// The same as a vehicle already counted.
        case again
        /// The surely read form of a vehicle counted as unread at `unreadAt`: moves the count.
        case replacesUnread(unreadAt: Date)
    }

    private struct Counted {
        var normalized: String
        var unread: Bool
        var time: Date
    }

    private var decided: Set<String> = []
    private var counted: [String: [Counted]] = [:]
    /// Boxes of the plates read surely this pass, per camera: how large a plate beside the
    /// vehicle looks in that camera.
    private var sureBoxes: [String: [PixelBox]] = [:]

    /// Sure plates a camera must have had this pass before a plate counts as far away or too wide.
    static let surePlatesNeeded = 5
    /// A plate whose box is less than this share of the camera's typical sure plate high is far
    /// down the street (1080p drives: sure plates 84-97 px high, median 94-97; unread glimpses
    /// of cars that were counted again when passed, or placed in the next zone, 23-39 px).
    static let farHeightShare = 0.5
    /// A box wider than this many times the camera's typical sure plate holds no plate beside
    /// the vehicle (1080p drives, session 22: unread plates 0.3-1.2 times the median sure
    /// plate's width; rows of façade windows read `KU-I 3` or `D 00 D`, 1.75-5.7 times).
    static let wideWidthShare = 1.5

    /// Notes the box of a plate read surely in `camera`.
    mutating func noteSurePlate(camera: String, box: PixelBox) {
        sureBoxes[camera, default: []].append(box)
    }

    /// Whether `box` in `camera` is far wider than the plates the camera read surely this
    /// pass: a plate beside the vehicle is about their size, so it is text or pattern (windows
    /// on a façade) the reader took for a plate.
    func isTooWide(camera: String, box: PixelBox) -> Bool {
        guard let median = Self.typical(sureBoxes[camera]?.map(\.width)) else { return false }
        return Double(box.width) > Self.wideWidthShare * Double(median)
    }

    /// Whether a plate with box `box` in `camera` is far down the street: well under the height
    /// of the plates the camera read surely this pass. Such a plate is placed where the vehicle
    /// is, not where the car is, and the car is counted when the vehicle passes it.
    func isFarAway(camera: String, box: PixelBox) -> Bool {
        isFarAway(camera: camera, height: box.height)
    }

    /// Whether a plate box `height` pixels high in `camera` is far down the street.
    func isFarAway(camera: String, height: Int) -> Bool {
        guard let median = Self.typical(sureBoxes[camera]?.map(\.height)) else { return false }
        return Double(height) < Self.farHeightShare * Double(median)
    }

    /// The median of a camera's sure plates' sizes; nil before it has read enough of them.
    private static func typical(_ sizes: [Int]?) -> Int? {
        guard let sizes, sizes.count >= surePlatesNeeded else { return nil }
        return sizes.sorted()[sizes.count / 2]
    }

    /// False when the plate `key` was already decided in `zone` this pass (decide it once).
    mutating func decideOnce(zone: String, key: String) -> Bool {
        decided.insert("\(zone)\u{1F}\(key)").inserted
    }

    /// Counts a sighting of `zone` with the fused text `normalized`, unread or sure.
    mutating func count(zone: String, normalized: String, unread: Bool, at time: Date) -> Count {
        let text = Array(normalized)
        let earlier = counted[zone, default: []].indices.first { index in
            let other = Array(counted[zone]![index].normalized)
            return other == text || (min(text.count, other.count) >= 4 && abs(text.count - other.count) <= 1
                && PlateTrack.editDistance(text, other, limit: 1) <= 1)
        }
        guard let earlier else {
            counted[zone, default: []].append(Counted(normalized: normalized, unread: unread, time: time))
            return .new
        }
        let known = counted[zone]![earlier]
        guard known.unread && !unread else { return .again }
        counted[zone]![earlier] = Counted(normalized: normalized, unread: false, time: time)
        return .replacesUnread(unreadAt: known.time)
    }
}
