import Foundation
import PlateReading

/// The plates that need not be read again in a camera's next frame.
///
/// A parked car is in view for 25-50 frames; once the OCR has read its plate the same way
/// several times, reading it in every further frame adds little but time (the OCR is the
/// largest cost of a frame). A plate is sure in frame `n` of a camera when, in that camera's
/// frames of the ``Rule/window`` before `n` (and less than ``Rule/maximumAge`` older):
/// - at least ``Rule/minimumReads`` of the OCR's reads had it as their best reading, each
///   with a confidence of at least ``Rule/minimumConfidence``, its district split decided;
/// - it is plate-like (``PlateShape``);
/// - it was seen (read or carried over) at most ``Rule/maximumGap`` + 1 frames before `n`.
///
/// The reader is then told where the plate's motion puts it in frame `n` (``KnownPlate``);
/// a candidate found there is not read, the plate's read is carried over
/// (``PlateRead/carried``). Carried reads keep the track going, but are not fused and not
/// evidence (``FusedPlate``, ``Sighting``); once the window has slid past the OCR's reads,
/// the plate is read again.
///
/// Deterministic: frame `n` is told only what the frames handed out ``Rule/lag`` + 1 or more
/// places before it gave (waiting for them), never what a faster reader thread happened to
/// finish. So `scan` and `watch --replay` read the same frames the same way.
public final class SurePlates: @unchecked Sendable {
    /// Defaults measured on the bench drive (`parkscan bench scan`, 1393 frames at 10 fps):
    /// 2 reads at 0.5 carry 60 of 1470 plates over, 3 reads 18; with 2 or 3 the cases and
    /// occupancy are those of reading every plate or better (4 true cases of 19 instead of 3,
    /// none false: later misreads no longer outvote a sure plate).
    public struct Rule: Sendable, Equatable {
        /// Off: every candidate is read (for comparisons).
        public var enabled = true
        public var minimumReads = 2
        public var minimumConfidence = 0.5
        /// Frames of the camera looked back at.
        public var window = 8
        public var maximumAge: TimeInterval = 1
        public var maximumGap = 2
        /// Frames handed out just before a frame whose reads it is not told (they are being
        /// read beside it).
        public var lag = 1

        public init() {}
    }

    /// One frame's reads, as a reader gave them.
    public struct Frame: Sendable {
        public var sequence: Int
        public var cameraFrameIndex: Int
        public var time: Date
        public var reads: [PlateRead]

        public init(sequence: Int, cameraFrameIndex: Int, time: Date, reads: [PlateRead]) {
            self.sequence = sequence
            self.cameraFrameIndex = cameraFrameIndex
            self.time = time
            self.reads = reads
        }
    }

    public let rule: Rule
    private let condition = NSCondition()
    /// Every frame handed out before this has been recorded.
    private var recordedBelow: Int
    private var recordedAbove: Set<Int> = []
    private var frames: [String: [Int: Frame]] = [:]
    private var counts = (read: 0, carried: 0)

    /// `firstSequence`: the place of the first frame handed out (a resumed scan's next frame).
    public init(rule: Rule = .init(), firstSequence: Int = 0) {
        self.rule = rule
        recordedBelow = firstSequence
    }

    /// Plates read by the OCR and carried over, so far.
    public var readCounts: (read: Int, carried: Int) {
        condition.lock()
        defer { condition.unlock() }
        return counts
    }

    /// The sure plates of `camera` for its frame `cameraFrameIndex` taken at `time`, the
    /// `sequence`-th frame handed out. Waits until every frame handed out before
    /// `sequence - lag` is recorded.
    public func known(sequence: Int, camera: String, cameraFrameIndex: Int, time: Date) -> [KnownPlate] {
        guard rule.enabled else { return [] }
        let before = sequence - rule.lag
        condition.lock()
        while recordedBelow < before { condition.wait() }
        let history = (frames[camera] ?? [:]).values.filter {
            $0.sequence < before && time.timeIntervalSince($0.time) <= rule.maximumAge
        }
        condition.unlock()
        return Self.known(in: history, at: cameraFrameIndex, rule: rule)
    }

    /// The reads of a frame handed out (none when it could not be read). Every frame handed
    /// out must be recorded: later frames wait for it.
    public func record(_ frame: Frame, camera: String) {
        condition.lock()
        defer { condition.unlock() }
        for read in frame.reads {
            if read.carried { counts.carried += 1 } else { counts.read += 1 }
        }
        if rule.enabled {
            frames[camera, default: [:]][frame.cameraFrameIndex] = frame
            // Only recent frames are ever asked for: keep a few windows' worth.
            let oldest = frame.cameraFrameIndex - 4 * rule.window
            if frames[camera]!.count > 8 * rule.window { frames[camera] = frames[camera]!.filter { $0.key >= oldest } }
        }
        recordedAbove.insert(frame.sequence)
        while recordedAbove.remove(recordedBelow) != nil { recordedBelow += 1 }
        condition.broadcast()
    }

    /// The sure plates for frame `cameraFrameIndex` of a camera, from that camera's frames in
    /// `history` of the window before it (see the type's comment).
    static func known(in history: [Frame], at cameraFrameIndex: Int, rule: Rule) -> [KnownPlate] {
        let window = history.filter { $0.cameraFrameIndex < cameraFrameIndex && $0.cameraFrameIndex >= cameraFrameIndex - rule.window }
        // Per plate text: its best read in each frame, oldest frame first.
        var seen: [String: [(frame: Int, read: PlateRead)]] = [:]
        for frame in window.sorted(by: { $0.cameraFrameIndex < $1.cameraFrameIndex }) {
            var best: [String: PlateRead] = [:]
            for read in frame.reads where best[read.normalized].map({ read.confidence > $0.confidence }) ?? true {
                best[read.normalized] = read
            }
            for (text, read) in best { seen[text, default: []].append((frame.cameraFrameIndex, read)) }
        }
        var known: [KnownPlate] = []
        for (text, sightings) in seen.sorted(by: { $0.key < $1.key }) {
            let agreeing = sightings.filter {
                $0.read.isWholeReadByTheOCR && $0.read.confidence >= rule.minimumConfidence && $0.read.best.splitDecided
            }
            guard agreeing.count >= rule.minimumReads, PlateShape.isPlateLike(text),
                  let last = sightings.last, cameraFrameIndex - last.frame <= rule.maximumGap + 1,
                  let surest = agreeing.max(by: { $0.read.confidence < $1.read.confidence }) else { continue }
            // Where its motion puts it: on from its last box at the pace of its last two.
            var box = last.read.box
            if sightings.count >= 2 {
                let previous = sightings[sightings.count - 2]
                let steps = Double(cameraFrameIndex - last.frame) / Double(last.frame - previous.frame)
                box.x += Int((Double(last.read.box.x - previous.read.box.x) * steps).rounded())
                box.y += Int((Double(last.read.box.y - previous.read.box.y) * steps).rounded())
            }
            known.append(KnownPlate(box: box, read: surest.read))
        }
        return known
    }
}
