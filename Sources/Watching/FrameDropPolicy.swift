/// Which frames a camera that has fallen behind may lose.
///
/// Live, frames are dropped rather than queued without bound, but never so many that a car is
/// lost: dropped frames of one camera are at least ``spacing`` frames apart. With the default
/// 3, any three consecutive frames lose at most one, so a car seen in three or more frames
/// still has two reads (what ``ReadCertainty`` needs at least) and a gap of one frame (the
/// tracker bridges two). At most a third of the frames can go; a camera that would need
/// more waits (back-pressure: its source falls behind, shown as stalls in the status).
///
/// Among the frames that may go, the stalest queued one goes first (the newest is worth
/// most live); the arriving frame itself only when no queued one may go.
public struct FrameDropPolicy: Sendable, Equatable {
    /// Dropped frames of a camera are at least this many frames apart (>= 2).
    public var spacing: Int
    /// Never drop: block instead (as-fast-as-possible replays, where nothing is live).
    public var blocksInsteadOfDropping: Bool

    public init(spacing: Int = 3, blocksInsteadOfDropping: Bool = false) {
        self.spacing = max(2, spacing)
        self.blocksInsteadOfDropping = blocksInsteadOfDropping
    }

    /// Whether frame `index` may be dropped, given the camera's recently dropped frames.
    public func mayDrop(_ index: Int, recentlyDropped: [Int]) -> Bool {
        !blocksInsteadOfDropping && !recentlyDropped.contains { abs($0 - index) < spacing }
    }

    /// The camera frame index to drop when `queued` (oldest first) is full and `arriving`
    /// comes, or nil when the camera must wait.
    public func victim(queued: [Int], arriving: Int, recentlyDropped: [Int]) -> Int? {
        (queued + [arriving]).first { mayDrop($0, recentlyDropped: recentlyDropped) }
    }
}
