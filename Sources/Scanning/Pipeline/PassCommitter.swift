import Enforcement
import Foundation
import GRDB

/// Decides sightings and writes the outcome in one transaction, together with the scan's
/// progress: a step (the sightings that closed at one frame, or the end of a pass) is
/// committed whole or not at all.
///
/// Per sighting, in the order the tracker closed them:
/// - no position or outside every zone: unlocated, counted only;
/// - plate not sure enough (``ReadCertainty``): unread, counted only (compliant if any of its
///   possible keys has a right: better statistics, nothing stored); unless it is sure enough
///   to confirm (``ScanSettings/confirmation``): then it is decided as a sure one when a sure
///   pending sighting of exactly its plate waits in its zone, and otherwise kept as a pending
///   sighting only a sure later one can confirm (two such never make a case);
/// - the zone's rule on this sighting alone: compliant -> counted, any pending sighting of the
///   plate deleted, nothing written about it; not enforced -> counted;
/// - otherwise a pending sighting of the same plate in the zone is looked for: with it the rule
///   decides on both; a violation becomes a case (the pending sighting goes), a compliant car
///   is forgotten, an undecided one stays pending. Without one, this sighting becomes pending
///   (keyed hash, sealed details and evidence).
///
/// A car seen twice in one pass (a corner) is one vehicle, decided once: the pass's
/// `counted` set (zone and plate key of the sure sightings) lives in memory only, so that no
/// compliant plate is ever written; a resumed scan rebuilds it (``remember(_:counted:)``).
struct PassCommitter {
    let scanRun: String
    let zones: ZoneMap
    let rights: any RightsLookup
    let settings: ScanSettings
    let evidenceFolder: String
    let log: (String) -> Void
    /// Sees each committed sighting with its outcome (benchmarks); nil in production.
    var audit: ((Sighting, SightingOutcome) -> Void)?

    /// What one commit covers.
    struct Step {
        /// The pass (1-based), when it started and the time of its latest frame so far.
        var pass: Int
        var passStart: Date
        var lastFrameTime: Date
        /// Sightings closed since the last commit, in the order they closed.
        var sightings: [Sighting]
        /// Frames read since the last commit, and how many of them were unreadable.
        var framesRead: Int
        var unreadableFrames: Int
        /// The sightings closed before this frame (scan order) are all decided after the step.
        var decidedThrough: Int
        /// The pass is over: the next frame starts pass `pass + 1`.
        var passEnds: Bool
        /// The scan is over.
        var completed: Bool
        /// The zones the cameras looked at since the last commit, with the time buckets.
        var covered: [String: Set<Date>] = [:]
    }

    /// A sighting with everything looked up outside the transaction.
    private struct Prepared {
        var sighting: Sighting
        var zone: ParkingZone?
        var certain: Bool
        var key: String
        var rights: [ParkingRight]
        var anyKeyCompliant: ComplianceReason?
        /// Not sure enough on its own, but sure enough to confirm a pending sighting of exactly
        /// its plate (``ScanSettings/confirmation``): its plate's rights, or the right of a
        /// reading nearly as likely (then it is compliant).
        var confirmation: (rights: [ParkingRight], doubt: ComplianceReason?)?
    }

    /// Commits `step`; returns the scan run as it now stands.
    @discardableResult
    func commit(_ step: Step, counted: inout PassVehicles, database: ParkScanDatabase) throws -> ScanRunRecord {
        let prepared = try step.sightings.map(prepare)
        var destroyedKeys = 0
        var countedAfter = counted
        var outcomes: [(Sighting, SightingOutcome)] = []
        let run = try database.writer.write { db -> ScanRunRecord in
            outcomes = []
            guard var run = try ScanRunRecord.fetchOne(db, key: scanRun) else {
                throw ScanError(message: "scan \(scanRun) vanished from the database")
            }
            var tally = OccupancyTally(scanRun: scanRun, pass: step.pass, passStart: step.passStart,
                                       passEnd: step.lastFrameTime, bucket: settings.bucket, zones: zones)
            for (zone, buckets) in step.covered { tally.cover(zone: zone, buckets: buckets) }
            for item in prepared {
                run.sightings += 1
                let outcome = try decide(item, run: &run, tally: &tally, counted: &countedAfter, db: db)
                outcomes.append((item.sighting, outcome))
            }
            try tally.save(in: db)
            if step.passEnds { try tally.closePass(in: db) }
            destroyedKeys = try PendingStore.purgeExpired(now: step.lastFrameTime, in: db).keys
            run.framesRead += step.framesRead
            run.unreadableFrames += step.unreadableFrames
            run.decidedThrough = step.decidedThrough
            run.frameCount = max(run.frameCount, step.decidedThrough)
            if step.passEnds {
                run.nextFrame = step.decidedThrough
                run.passCount = step.pass
            }
            if step.completed { run.completedAt = step.lastFrameTime }
            try run.update(db)
            return run
        }
        counted = countedAfter
        if let audit { for (sighting, outcome) in outcomes { audit(sighting, outcome) } }
        if destroyedKeys > 0 {
            // The WAL may still hold pages with the destroyed keys: move them into the main file
            // (where secure_delete has zeroed them) and truncate the WAL.
            try? database.writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        }
        return run
    }

    /// Notes the vehicles of sightings an earlier run already decided and committed (a
    /// resumed scan going over the start of its pass again), so that they are not counted
    /// twice in this pass.
    func remember(_ sightings: [Sighting], counted: inout PassVehicles) throws {
        for item in try sightings.map(prepare) {
            guard let zone = item.zone, item.sighting.movedLikeAParkedCar, !Self.seenOnlyFarAway(item.sighting, counted)
            else { continue }
            let plate = item.sighting.plate
            if item.certain {
                counted.noteSurePlate(camera: item.sighting.camera, box: item.sighting.bestObservation.read.box)
                if counted.decideOnce(zone: zone.id, key: item.key) {
                    _ = counted.count(zone: zone.id, normalized: plate.normalized, unread: false, at: item.sighting.time)
                }
            } else if item.anyKeyCompliant != nil || Self.countsAsUnread(item.sighting, counted) {
                _ = counted.count(zone: zone.id, normalized: plate.normalized, unread: item.anyKeyCompliant == nil,
                                  at: item.sighting.time)
            }
        }
    }

    /// An unread sighting counts as a vehicle only with two reads and a plate-like text
    /// (``PlateShape``), in a box shaped and sized like a plate beside the vehicle: a one-frame
    /// glimpse or a short text (a sign, a sticker, windows) is most often a car already counted,
    /// seen again at a corner, or no car; a box wider than a plate seen square-on
    /// (``plateAspectLimit``) or far wider than the camera's sure plates
    /// (``PassVehicles/isTooWide(camera:box:)``) is text or windows on a façade; a plate far
    /// down the street (``PassVehicles/isFarAway(camera:box:)``) is counted when the vehicle
    /// passes it.
    private static func countsAsUnread(_ sighting: Sighting, _ counted: PassVehicles) -> Bool {
        let box = sighting.bestObservation.read.box
        return sighting.plate.readCount >= 2 && PlateShape.isPlateLike(sighting.plate.normalized)
            && Double(box.width) <= plateAspectLimit * Double(box.height)
            && !counted.isFarAway(camera: sighting.camera, box: box)
            && !counted.isTooWide(camera: sighting.camera, box: box)
    }

    /// A car whose plate was seen only far down the street, read or not, is placed where the
    /// vehicle is, not where the car is: it is neither counted nor decided in that zone, but
    /// when the vehicle passes it. Since the line model (session 19) reads plates 70-110 px wide,
    /// such plates were read surely, and cars of the next zones were counted in this one
    /// (seed 48: 175 vehicles counted for 169 parked, +3.6 %).
    private static func seenOnlyFarAway(_ sighting: Sighting, _ counted: PassVehicles) -> Bool {
        counted.isFarAway(camera: sighting.camera, height: sighting.nearestPlateHeight)
    }

    /// Width / height of a box beyond which it holds no plate: an EU plate is 4.7 times as wide
    /// as high seen square-on, less at an angle (1080p drives: unread plates 1.5-3.4; `C-CC 1`
    /// and `D-OO 5`, rows of windows, 6.0 and 5.5).
    static let plateAspectLimit = 5.0

    /// Adds a counted vehicle to the tally, unless it is one already counted this pass.
    @discardableResult
    private func tallyVehicle(_ sighting: Sighting, zone: String, status: VehicleStatus, dwell: TimeInterval? = nil,
                              tally: inout OccupancyTally, counted: inout PassVehicles) -> PassVehicles.Count {
        let count = counted.count(zone: zone, normalized: sighting.plate.normalized, unread: status == .unread, at: sighting.time)
        switch count {
        case .new:
            tally.count(zone: zone, at: sighting.time, status: status, dwell: dwell)
        case .again:
            break
        case .replacesUnread(let unreadAt):
            tally.uncount(zone: zone, at: unreadAt, status: .unread)
            tally.count(zone: zone, at: sighting.time, status: status, dwell: dwell)
        }
        return count
    }

    private func prepare(_ sighting: Sighting) throws -> Prepared {
        var sighting = sighting
        let zone = sighting.position.flatMap {
            zones.zone(near: ZonePoint(latitude: $0.latitude, longitude: $0.longitude), within: settings.zoneTolerance)
        }
        sighting.zone = zone?.id
        let certain = settings.certainty.accepts(sighting.plate)
        var key = PlateKeying.key(of: sighting.plate)
        guard let zone else { return Prepared(sighting: sighting, zone: nil, certain: certain, key: key, rights: [], anyKeyCompliant: nil) }
        let rule = ZoneRule(zone: zone)
        if certain {
            let (found, doubt) = try rightsAndDoubt(sighting, key: key, zone: zone, rule: rule)
            if doubt == nil {
                return Prepared(sighting: sighting, zone: zone, certain: true, key: key, rights: found, anyKeyCompliant: nil)
            }
            return Prepared(sighting: sighting, zone: zone, certain: false, key: key, rights: [], anyKeyCompliant: doubt)
        }
        var confirmation = settings.confirmation.accepts(sighting.plate)
            ? try rightsAndDoubt(sighting, key: key, zone: zone, rule: rule) : nil
        // A winner that is its runner-up with one character lost (`AW-N 33` before `AW-IN 33`)
        // may confirm as the runner-up: only a sure sighting of exactly that plate makes a case
        // of it, and a right of the winner as read still counts (it is an alternative).
        if confirmation == nil, let restored = sighting.restoringLostCharacter,
           settings.confirmation.accepts(restored.plate) {
            sighting = restored
            key = PlateKeying.key(of: restored.plate)
            confirmation = try rightsAndDoubt(sighting, key: key, zone: zone, rule: rule)
        }
        var reason: ComplianceReason?
        for candidate in PlateKeying.candidateKeys(of: sighting.plate) {
            let found = try rights.rights(for: candidate, zone: zone.id, at: sighting.time)
            if !found.isEmpty, case .compliant(let why) = rule.decision(for: .init(seen: sighting.time), rights: found) {
                reason = why
                break
            }
        }
        return Prepared(sighting: sighting, zone: zone, certain: false, key: key, rights: [], anyKeyCompliant: reason,
                        confirmation: confirmation)
    }

    /// The rights of the sighting's plate (`key`) in `zone`, and whether a reading the OCR
    /// found nearly as likely has a right there (benefit of the doubt: the car is probably
    /// that one, misread; never pending, never a case).
    private func rightsAndDoubt(_ sighting: Sighting, key: String, zone: ParkingZone, rule: ZoneRule) throws
        -> (rights: [ParkingRight], doubt: ComplianceReason?)
    {
        let found = try rights.rights(for: key, zone: zone.id, at: sighting.time)
        let doubts = sighting.plate.alternatives.filter { $0.confidence >= 0.25 * sighting.plate.confidence }
            .map { PlateKeying.key(ofText: $0.text) }
        for candidate in doubts where candidate != key {
            let other = try rights.rights(for: candidate, zone: zone.id, at: sighting.time)
            if !other.isEmpty, case .compliant(let why) = rule.decision(for: .init(seen: sighting.time), rights: other) {
                return (found, why)
            }
        }
        return (found, nil)
    }

    /// `item` decided as sure when it confirms a sure pending sighting of exactly its plate in
    /// its zone (``Prepared/confirmation``), or as compliant when a likely other reading has a
    /// right. Two sightings that are each only sure enough to confirm make no case.
    /// `pendingWaits`: a pending sighting of its plate waits in its zone (looked for only for
    /// a sighting that may confirm).
    private func confirming(_ item: Prepared, zone: ParkingZone, db: Database) throws -> (item: Prepared, pendingWaits: Bool) {
        guard !item.certain, let confirmation = item.confirmation else { return (item, false) }
        guard let earlier = try PendingStore.find(plateKey: item.key, zone: zone.id, aliveAt: item.sighting.time, in: db)
        else { return (item, false) }
        guard earlier.details.isSure else { return (item, true) }
        var confirmed = item
        if let doubt = confirmation.doubt {
            confirmed.anyKeyCompliant = doubt
        } else {
            confirmed.certain = true
            confirmed.rights = confirmation.rights
        }
        return (confirmed, true)
    }

    private func decide(_ prepared: Prepared, run: inout ScanRunRecord, tally: inout OccupancyTally,
                        counted: inout PassVehicles, db: Database) throws -> SightingOutcome {
        let sighting = prepared.sighting
        guard let zone = prepared.zone else {
            run.unlocated += 1
            return .unlocated
        }
        guard sighting.movedLikeAParkedCar else {
            run.unread += 1
            return .background
        }
        guard !Self.seenOnlyFarAway(sighting, counted) else {
            run.unread += 1
            return .glimpse
        }
        // Sure on its own (not by confirming a pending sighting): as `remember` notes it when a
        // resumed scan goes over the pass again, so that both decide the same.
        if prepared.certain {
            counted.noteSurePlate(camera: sighting.camera, box: sighting.bestObservation.read.box)
        }
        let (item, pendingWaits) = try confirming(prepared, zone: zone, db: db)
        guard item.certain else {
            if let reason = item.anyKeyCompliant {
                run.compliant += 1
                tallyVehicle(sighting, zone: zone.id, status: VehicleStatus(reason), tally: &tally, counted: &counted)
                return .compliant
            }
            run.unread += 1
            guard Self.countsAsUnread(sighting, counted) else { return .glimpse }
            let count = tallyVehicle(sighting, zone: zone.id, status: .unread, tally: &tally, counted: &counted)
            if count != .again, !pendingWaits, try keepConfirmable(item, zone: zone, run: &run, db: db) {
                return .pendingConfirmable
            }
            return count == .again ? .alreadyCounted : .unread
        }
        // A car seen twice in one pass (a corner) is one vehicle, decided once.
        guard counted.decideOnce(zone: zone.id, key: item.key) else { return .alreadyCounted }
        let rule = ZoneRule(zone: zone)
        switch rule.decision(for: .init(seen: sighting.time), rights: item.rights) {
        case .compliant(let reason):
            try PendingStore.deleteAll(plateKey: item.key, zone: zone.id, in: db)
            run.compliant += 1
            tallyVehicle(sighting, zone: zone.id, status: VehicleStatus(reason), tally: &tally, counted: &counted)
            return .compliant
        case .notEnforced:
            run.notEnforced += 1
            tallyVehicle(sighting, zone: zone.id, status: .unchecked, tally: &tally, counted: &counted)
            return .notEnforced
        case .pending(let until):
            return try decideWithEarlier(item, zone: zone, rule: rule, decideAt: until, run: &run, tally: &tally,
                                         counted: &counted, db: db)
        case .violation:
            return try decideWithEarlier(item, zone: zone, rule: rule, decideAt: sighting.time, run: &run, tally: &tally,
                                         counted: &counted, db: db)
        }
    }

    /// Keeps an unread sighting that is sure enough to confirm (``Prepared/confirmation``) as a
    /// pending first sighting, marked not sure, when its rule would keep a sure one (the
    /// caller has made sure no pending sighting of its plate waits in its zone): a sure later
    /// sighting of exactly its plate then makes the case (a car read less surely in the first
    /// pass than in the second). No reading the OCR found possible has a right (checked
    /// before: compliant).
    private func keepConfirmable(_ item: Prepared, zone: ParkingZone, run: inout ScanRunRecord, db: Database) throws -> Bool {
        let sighting = item.sighting
        guard let confirmation = item.confirmation, confirmation.doubt == nil else { return false }
        let decideAt: Date
        switch ZoneRule(zone: zone).decision(for: .init(seen: sighting.time), rights: confirmation.rights) {
        case .pending(let until): decideAt = until
        case .violation: decideAt = sighting.time
        case .compliant, .notEnforced: return false
        }
        try storePending(sighting, key: item.key, zone: zone, decideAt: decideAt, sure: false, run: &run, db: db)
        return true
    }

    /// Stores `sighting` as a pending first sighting of `key` in `zone` with its best frame
    /// (keyed and sealed, ``PendingStore``; evidence is rendered from it if it becomes a case).
    private func storePending(_ sighting: Sighting, key: String, zone: ParkingZone, decideAt: Date, sure: Bool,
                              run: inout ScanRunRecord, db: Database) throws {
        let frame = try settings.evidence.frame(of: sighting.bestObservation)
        try PendingStore.insert(plateKey: key, zone: zone.id, details: PendingSightingDetails(sighting: sighting, sure: sure),
                                decideAt: decideAt, evidence: .frame(frame), scanRun: scanRun, policy: settings.retention,
                                in: db)
        run.pending += 1
    }

    private func decideWithEarlier(_ item: Prepared, zone: ParkingZone, rule: ZoneRule, decideAt: Date,
                                   run: inout ScanRunRecord, tally: inout OccupancyTally, counted: inout PassVehicles,
                                   db: Database) throws -> SightingOutcome {
        let sighting = item.sighting
        guard let earlier = try PendingStore.find(plateKey: item.key, zone: zone.id, aliveAt: sighting.time, in: db) else {
            try storePending(sighting, key: item.key, zone: zone, decideAt: decideAt, sure: true, run: &run, db: db)
            tallyVehicle(sighting, zone: zone.id, status: .suspected, tally: &tally, counted: &counted)
            return .pending
        }
        let dwell = sighting.time.timeIntervalSince(earlier.seenAt)
        switch rule.decision(for: ParkingObservation(firstSeen: earlier.seenAt, lastSeen: sighting.time), rights: item.rights) {
        case .violation(let broken, let detail):
            try CaseWriter(scanRun: scanRun, evidenceFolder: evidenceFolder, renderer: settings.evidence)
                .raise(plate: sighting.plate, zone: zone.id, rule: broken, detail: detail, earlier: earlier, later: sighting, in: db)
            try PendingStore.delete(id: earlier.id, in: db)
            run.cases += 1
            log("case: \(zone.id) \(broken.rawValue)")
            tallyVehicle(sighting, zone: zone.id, status: .suspected, dwell: dwell, tally: &tally, counted: &counted)
            return .caseRaised
        case .compliant(let reason):
            try PendingStore.deleteAll(plateKey: item.key, zone: zone.id, in: db)
            run.compliant += 1
            tallyVehicle(sighting, zone: zone.id, status: VehicleStatus(reason), dwell: dwell, tally: &tally, counted: &counted)
            return .compliant
        case .pending:
            // A first sighting kept only to be confirmed is confirmed now by this sure one: a
            // later sighting that is itself only sure enough to confirm may make the case with it.
            try PendingStore.markSure(earlier, in: db)
            tallyVehicle(sighting, zone: zone.id, status: .suspected, dwell: dwell, tally: &tally, counted: &counted)
            return .stillPending
        case .notEnforced:
            run.notEnforced += 1
            tallyVehicle(sighting, zone: zone.id, status: .unchecked, dwell: dwell, tally: &tally, counted: &counted)
            return .notEnforced
        }
    }
}
