import Enforcement
import Foundation
import GRDB

/// Decides the sightings of one pass and writes the outcome in one transaction, together with
/// the scan's progress: a pass is committed whole or not at all, so a scan killed at any
/// moment and run again gives the same result.
///
/// Per sighting, in frame order:
/// - no position or outside every zone: unlocated, counted only;
/// - plate not sure enough (``ReadCertainty``): unread, counted only (compliant if any of its
///   possible keys has a right: better statistics, nothing stored);
/// - the zone's rule on this sighting alone: compliant -> counted, any pending sighting of the
///   plate deleted, nothing written about it; not enforced -> counted;
/// - otherwise a pending sighting of the same plate in the zone is looked for: with it the rule
///   decides on both; a violation becomes a case (the pending sighting goes), a compliant car
///   is forgotten, an undecided one stays pending. Without one, this sighting becomes pending
///   (keyed hash, sealed details and evidence).
struct PassCommitter {
    let scanRun: String
    let zones: ZoneMap
    let rights: any RightsLookup
    let settings: ScanSettings
    let evidenceFolder: String
    let log: (String) -> Void

    struct PassInput {
        var number: Int
        var start: Date
        var end: Date
        var sightings: [Sighting]
        var framesRead: Int
        var unreadableFrames: Int
        var nextFrame: Int
        var completed: Bool
    }

    /// A sighting with everything looked up outside the transaction.
    private struct Prepared {
        var sighting: Sighting
        var zone: ParkingZone?
        var certain: Bool
        var key: String
        var rights: [ParkingRight]
        var anyKeyCompliant: ComplianceReason?
    }

    func commit(_ pass: PassInput, database: ParkScanDatabase) throws {
        let prepared = try pass.sightings.map(prepare)
        var destroyedKeys = 0
        try database.writer.write { db in
            guard var run = try ScanRunRecord.fetchOne(db, key: scanRun) else {
                throw ScanError(message: "scan \(scanRun) vanished from the database")
            }
            var tally = OccupancyTally(scanRun: scanRun, pass: pass.number, passStart: pass.start, passEnd: pass.end,
                                       bucket: settings.bucket, zones: zones)
            var counted = Set<String>()
            for item in prepared {
                run.sightings += 1
                try decide(item, run: &run, tally: &tally, counted: &counted, db: db)
            }
            try tally.save(in: db)
            destroyedKeys = try PendingStore.purgeExpired(now: pass.end, in: db).keys
            run.framesRead += pass.framesRead
            run.unreadableFrames += pass.unreadableFrames
            run.nextFrame = pass.nextFrame
            run.passCount = pass.number
            if pass.completed { run.completedAt = pass.end }
            try run.update(db)
        }
        if destroyedKeys > 0 {
            // The WAL may still hold pages with the destroyed keys: move them into the main file
            // (where secure_delete has zeroed them) and truncate the WAL.
            try? database.writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        }
    }

    private func prepare(_ sighting: Sighting) throws -> Prepared {
        var sighting = sighting
        let zone = sighting.position.flatMap {
            zones.zone(near: ZonePoint(latitude: $0.latitude, longitude: $0.longitude), within: settings.zoneTolerance)
        }
        sighting.zone = zone?.id
        let certain = settings.certainty.accepts(sighting.plate)
        let key = PlateKeying.key(of: sighting.plate)
        guard let zone else { return Prepared(sighting: sighting, zone: nil, certain: certain, key: key, rights: [], anyKeyCompliant: nil) }
        let rule = ZoneRule(zone: zone)
        if certain {
            let found = try rights.rights(for: key, zone: zone.id, at: sighting.time)
            // Benefit of the doubt: when a reading the OCR found nearly as likely has a right,
            // the car is probably that one, misread. Never pending, never a case.
            let doubts = sighting.plate.alternatives.filter { $0.confidence >= 0.25 * sighting.plate.confidence }
                .map { PlateKeying.key(ofText: $0.text) }
            var doubt: ComplianceReason?
            for candidate in doubts where candidate != key {
                let other = try rights.rights(for: candidate, zone: zone.id, at: sighting.time)
                if !other.isEmpty, case .compliant(let why) = rule.decision(for: .init(seen: sighting.time), rights: other) {
                    doubt = why
                    break
                }
            }
            if doubt == nil {
                return Prepared(sighting: sighting, zone: zone, certain: true, key: key, rights: found, anyKeyCompliant: nil)
            }
            return Prepared(sighting: sighting, zone: zone, certain: false, key: key, rights: [], anyKeyCompliant: doubt)
        }
        var reason: ComplianceReason?
        for candidate in PlateKeying.candidateKeys(of: sighting.plate) {
            let found = try rights.rights(for: candidate, zone: zone.id, at: sighting.time)
            if !found.isEmpty, case .compliant(let why) = rule.decision(for: .init(seen: sighting.time), rights: found) {
                reason = why
                break
            }
        }
        return Prepared(sighting: sighting, zone: zone, certain: false, key: key, rights: [], anyKeyCompliant: reason)
    }

    private func decide(_ item: Prepared, run: inout ScanRunRecord, tally: inout OccupancyTally,
                        counted: inout Set<String>, db: Database) throws {
        let sighting = item.sighting
        guard let zone = item.zone else {
            run.unlocated += 1
            return
        }
        guard item.certain else {
            if let reason = item.anyKeyCompliant {
                run.compliant += 1
                tally.count(zone: zone.id, at: sighting.time, status: VehicleStatus(reason))
            } else {
                run.unread += 1
                // A one-frame glimpse or a short text (a sign, a sticker) is not counted as a
                // vehicle: most are a car already counted, seen again at a corner, or no car.
                if sighting.plate.readCount >= 2 && sighting.plate.normalized.count >= 4 {
                    tally.count(zone: zone.id, at: sighting.time, status: .unread)
                }
            }
            return
        }
        // A car seen twice in one pass (a corner) is one vehicle, decided once.
        guard counted.insert("\(zone.id)\u{1F}\(item.key)").inserted else { return }
        let rule = ZoneRule(zone: zone)
        switch rule.decision(for: .init(seen: sighting.time), rights: item.rights) {
        case .compliant(let reason):
            try PendingStore.deleteAll(plateKey: item.key, zone: zone.id, in: db)
            run.compliant += 1
            tally.count(zone: zone.id, at: sighting.time, status: VehicleStatus(reason))
        case .notEnforced:
            run.notEnforced += 1
            tally.count(zone: zone.id, at: sighting.time, status: .unchecked)
        case .pending(let until):
            try decideWithEarlier(item, zone: zone, rule: rule, decideAt: until, run: &run, tally: &tally, db: db)
        case .violation:
            try decideWithEarlier(item, zone: zone, rule: rule, decideAt: sighting.time, run: &run, tally: &tally, db: db)
        }
    }

    private func decideWithEarlier(_ item: Prepared, zone: ParkingZone, rule: ZoneRule, decideAt: Date,
                                   run: inout ScanRunRecord, tally: inout OccupancyTally, db: Database) throws {
        let sighting = item.sighting
        guard let earlier = try PendingStore.find(plateKey: item.key, zone: zone.id, in: db) else {
            let images = try settings.evidence.images(framePath: sighting.bestObservation.framePath, box: sighting.bestObservation.read.box)
            try PendingStore.insert(plateKey: item.key, zone: zone.id, details: PendingSightingDetails(sighting: sighting),
                                    decideAt: decideAt, overview: images.overview, crop: images.plateCrop,
                                    scanRun: scanRun, policy: settings.retention, in: db)
            run.pending += 1
            tally.count(zone: zone.id, at: sighting.time, status: .suspected)
            return
        }
        let dwell = sighting.time.timeIntervalSince(earlier.seenAt)
        switch rule.decision(for: ParkingObservation(firstSeen: earlier.seenAt, lastSeen: sighting.time), rights: item.rights) {
        case .violation(let broken, let detail):
            try CaseWriter(scanRun: scanRun, evidenceFolder: evidenceFolder, renderer: settings.evidence)
                .raise(plate: sighting.plate, zone: zone.id, rule: broken, detail: detail, earlier: earlier, later: sighting, in: db)
            try PendingStore.delete(id: earlier.id, in: db)
            run.cases += 1
            log("case: \(zone.id) \(broken.rawValue)")
            tally.count(zone: zone.id, at: sighting.time, status: .suspected, dwell: dwell)
        case .compliant(let reason):
            try PendingStore.deleteAll(plateKey: item.key, zone: zone.id, in: db)
            run.compliant += 1
            tally.count(zone: zone.id, at: sighting.time, status: VehicleStatus(reason), dwell: dwell)
        case .pending:
            tally.count(zone: zone.id, at: sighting.time, status: .suspected, dwell: dwell)
        case .notEnforced:
            run.notEnforced += 1
            tally.count(zone: zone.id, at: sighting.time, status: .unchecked, dwell: dwell)
        }
    }
}
