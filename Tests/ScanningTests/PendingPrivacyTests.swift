import Enforcement
import Foundation
import GRDB
import Testing
@testable import Scanning

@Suite struct PendingPrivacyTests {
    typealias F = ReadFixtures

    func details(_ plate: String, at date: Date) -> PendingSightingDetails {
        var track = PlateTrack(F.observation(plate, 0.8, frame: 0, x: 900))
        track.append(F.observation(plate, 0.8, frame: 1, x: 780))
        var details = PendingSightingDetails(sighting: Sighting(track: track))
        details.seenAt = date
        return details
    }

    @Test func pendingPlateIsStoredOnlyKeyedAndSealed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("scan.sqlite")
        let database = try ParkScanDatabase(path: path)
        let seen = F.start
        _ = try database.writer.write { db in
            try PendingStore.insert(plateKey: "M-XY 4321", zone: "z1", details: details("M-XY 4321", at: seen),
                                    decideAt: seen.addingTimeInterval(600), evidence: .frame(Data("frame of M-XY 4321".utf8)),
                                    scanRun: "run", policy: .init(), in: db)
        }
        let (found, evidence) = try database.writer.read { db in
            let found = try PendingStore.find(plateKey: "M-XY 4321", zone: "z1", in: db)
            return (found, try found.map { try PendingStore.evidence(of: $0, in: db) })
        }
        #expect(found?.details.plate == "M-XY 4321")
        #expect(evidence == .frame(Data("frame of M-XY 4321".utf8)))
        #expect(try database.writer.read { db in try PendingStore.find(plateKey: "M-XY 4321", zone: "z2", in: db) } == nil)
        let bytes = TemporaryFolder.databaseBytes(path)
        #expect(!bytes.isEmpty)
        #expect(!bytes.contains(text: "M-XY 4321"))
        #expect(!bytes.contains(text: "MXY4321"))
    }

    /// Sightings stored before frames were kept come back with the images rendered then.
    @Test func aSightingStoredWithRenderedImagesKeepsThem() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try ParkScanDatabase(path: folder.file("scan.sqlite"))
        let seen = F.start
        let rendered = PendingEvidence.rendered(overview: Data("overview".utf8), crop: Data("crop".utf8))
        _ = try database.writer.write { db in
            try PendingStore.insert(plateKey: "M-XY 4321", zone: "z1", details: details("M-XY 4321", at: seen),
                                    decideAt: seen.addingTimeInterval(600), evidence: rendered, scanRun: "run",
                                    policy: .init(), in: db)
        }
        let evidence = try database.writer.read { db in
            try PendingStore.find(plateKey: "M-XY 4321", zone: "z1", in: db).map { try PendingStore.evidence(of: $0, in: db) }
        }
        #expect(evidence == rendered)
    }

    @Test func destroyingTheDayKeyMakesThePendingPlateUnrecoverable() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("scan.sqlite")
        let database = try ParkScanDatabase(path: path)
        let seen = F.start
        let policy = RetentionPolicy()
        let keyBytes = try database.writer.write { db -> Data in
            try PendingStore.insert(plateKey: "M-XY 4321", zone: "z1", details: details("M-XY 4321", at: seen),
                                    decideAt: seen.addingTimeInterval(600), evidence: .rendered(overview: nil, crop: nil),
                                    scanRun: "run", policy: policy, in: db)
            return try Data.fetchOne(db, sql: "SELECT key FROM pendingKey")!
        }
        // Still there just before its time is up ...
        try database.writer.write { db in
            let purged = try PendingStore.purgeExpired(now: seen.addingTimeInterval(600 + policy.confirmationWindow - 1), in: db)
            #expect(purged.sightings == 0)
        }
        // ... and the next day the key is gone, and the sighting with it.
        let nextDay = seen.addingTimeInterval(36 * 3600)
        let purged = try database.writer.write { db in try PendingStore.purgeExpired(now: nextDay, in: db) }
        #expect(purged.keys == 1)
        try database.writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        let (pending, keys, found) = try database.writer.read { db in
            (try PendingStore.count(in: db), try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pendingKey"),
             try PendingStore.find(plateKey: "M-XY 4321", zone: "z1", in: db))
        }
        #expect(pending == 0)
        #expect(keys == 0)
        #expect(found == nil)
        let bytes = TemporaryFolder.databaseBytes(path)
        #expect(!bytes.contains(text: "M-XY 4321"))
        #expect(bytes.range(of: keyBytes) == nil, "the destroyed key is still in the database files")
    }

    @Test func aNewKeyCannotOpenOldSightings() throws {
        let old = PlateSeal(key: PlateSeal.newKey()), new = PlateSeal(key: PlateSeal.newKey())
        let sealed = try old.seal(Data("M-XY 4321".utf8))
        #expect(throws: (any Error).self) { try new.open(sealed) }
        #expect(old.hash(plateKey: "M-XY 4321") != new.hash(plateKey: "M-XY 4321"))
        #expect(old.hash(plateKey: "M-XY 4321") == old.hash(plateKey: "M-XY 4321"))
    }
}
