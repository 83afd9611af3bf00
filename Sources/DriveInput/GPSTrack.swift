import Foundation

/// The scan vehicle's path through time: fixes sorted by time, and the vehicle's position
/// and heading at any moment between them.
///
/// - **Interpolation.** Between two neighbouring fixes latitude and longitude are
///   interpolated linearly in time (across ±180° the short way). At 1 Hz and city speed
///   the fixes are a few metres apart, where straight-line interpolation is exact to
///   millimetres; it ignores the curve the vehicle drove between them.
/// - **Unlocated.** ``position(at:)`` is nil before the first fix, after the last, and
///   where the nearest fix is more than ``maximumFixAge`` away (a GPS outage, a tunnel).
/// - **Heading** is the bearing of travel between fixes: for a segment, from the last fix
///   that lay at least ``minimumMovement`` metres away to the segment's end (for a moving
///   vehicle at 1 Hz that is exactly the fix pair). A stopped vehicle's position jitters,
///   so while it stands, the heading of its last movement is kept; before its first
///   movement, the heading of that first movement is used.
/// - **Duplicate timestamps** are merged into one fix at their mean position.
/// - Fixes with non-finite or out-of-range coordinates are dropped.
public struct GPSTrack: Sendable {
    /// Default for ``maximumFixAge``: 3 seconds.
    public static let defaultMaximumFixAge: TimeInterval = 3
    /// Default for ``minimumMovement``: 2 metres, above the jitter of a standing receiver.
    public static let defaultMinimumMovement = 2.0

    /// The fixes, sorted by time, one per timestamp.
    public let fixes: [GPSFix]
    /// How far (seconds) the nearest fix may be from a queried time for it to be located.
    public let maximumFixAge: TimeInterval
    /// How far (metres) the vehicle must move for the move to define a heading.
    public let minimumMovement: Double
    /// `headings[i]`: heading on the segment from fix i-1 to fix i (index 0: the first
    /// movement's, like a standing start).
    private let headings: [Double?]

    public init(
        fixes: [GPSFix],
        maximumFixAge: TimeInterval = GPSTrack.defaultMaximumFixAge,
        minimumMovement: Double = GPSTrack.defaultMinimumMovement
    ) {
        self.fixes = Self.mergingDuplicates(fixes.filter(\.location.isValid).sorted { $0.time < $1.time })
        self.maximumFixAge = maximumFixAge
        self.minimumMovement = minimumMovement
        self.headings = Self.headings(of: self.fixes, minimumMovement: minimumMovement)
    }

    /// The first and last fix times; nil for an empty track.
    public var timeRange: ClosedRange<Date>? {
        guard let first = fixes.first, let last = fixes.last else { return nil }
        return first.time ... last.time
    }

    /// The vehicle's position at `time`, or nil when it is unlocated there (see the type's
    /// documentation).
    public func position(at time: Date) -> TrackPosition? {
        guard let range = timeRange, range.contains(time) else { return nil }
        guard fixes.count > 1 else {
            return TrackPosition(time: time, location: fixes[0].location, heading: nil, fixAge: 0)
        }
        // The segment's end: the first fix after `time` (the last fix for the end itself).
        var low = 1, high = fixes.count - 1
        while low < high {
            let middle = (low + high) / 2
            if fixes[middle].time <= time { low = middle + 1 } else { high = middle }
        }
        let before = fixes[low - 1], after = fixes[low]
        let age = min(time.timeIntervalSince(before.time), after.time.timeIntervalSince(time))
        guard age <= maximumFixAge else { return nil }
        let fraction = time.timeIntervalSince(before.time) / after.time.timeIntervalSince(before.time)
        var longitudeStep = after.location.longitude - before.location.longitude
        if longitudeStep > 180 { longitudeStep -= 360 } else if longitudeStep < -180 { longitudeStep += 360 }
        var longitude = before.location.longitude + fraction * longitudeStep
        if longitude > 180 { longitude -= 360 } else if longitude < -180 { longitude += 360 }
        let location = GeoPoint(
            latitude: before.location.latitude + fraction * (after.location.latitude - before.location.latitude),
            longitude: longitude
        )
        return TrackPosition(time: time, location: location, heading: headings[low], fixAge: age)
    }

    private static func mergingDuplicates(_ sorted: [GPSFix]) -> [GPSFix] {
        var merged: [GPSFix] = []
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, sorted[end].time == sorted[start].time { end += 1 }
            var fix = sorted[start]
            if end - start > 1 {
                let group = sorted[start ..< end]
                fix.location = GeoPoint(
                    latitude: group.map(\.location.latitude).reduce(0, +) / Double(group.count),
                    longitude: group.map(\.location.longitude).reduce(0, +) / Double(group.count)
                )
            }
            merged.append(fix)
            start = end
        }
        return merged
    }

    private static func headings(of fixes: [GPSFix], minimumMovement: Double) -> [Double?] {
        var headings = [Double?](repeating: nil, count: fixes.count)
        var anchor = 0
        var current: Double?
        for index in fixes.indices.dropFirst() {
            if fixes[anchor].location.distance(to: fixes[index].location) >= minimumMovement {
                current = fixes[anchor].location.bearing(to: fixes[index].location)
                anchor = index
            }
            headings[index] = current
        }
        // Before the first movement: that movement's heading.
        if let first = headings.firstIndex(where: { $0 != nil }) {
            for index in 0 ..< first { headings[index] = headings[first] }
        }
        return headings
    }
}
