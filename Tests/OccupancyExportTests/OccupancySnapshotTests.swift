import Enforcement
import Foundation
import GRDB
import OccupancyExport
import Testing

@Suite struct OccupancySnapshotTests {
    @Test func latestPassPerZoneAsOfATime() throws {
        let fixture = try OccupancyFixture()
        defer { fixture.remove() }
        try fixture.commitPass(number: 1, start: november4(9, 0), end: november4(9, 5), vehicles: ["roe-w-1": 10, "dan-w-1": 4])
        try fixture.commitPass(number: 2, start: november4(9, 20), end: november4(9, 25), vehicles: ["roe-w-1": 12])
        let latest = try fixture.store.snapshot(OccupancyQuery())
        #expect(latest.zones.count == fixture.map.zones.count)
        #expect(latest.zones.first { $0.zone.id == "roe-w-1" }?.observation?.vehicles == 12)
        #expect(latest.zones.first { $0.zone.id == "dan-w-1" }?.observation?.vehicles == 4)
        #expect(latest.zones.first { $0.zone.id == "wil-1" }?.observation == nil)
        #expect(latest.latestUpdate == november4(9, 25))

        let earlier = try fixture.store.snapshot(OccupancyQuery(at: november4(9, 10)))
        #expect(earlier.zones.first { $0.zone.id == "roe-w-1" }?.observation?.vehicles == 10)
        // A pass that had not ended by then does not count.
        let during = try fixture.store.snapshot(OccupancyQuery(at: november4(9, 22)))
        #expect(during.zones.first { $0.zone.id == "roe-w-1" }?.observation?.pass == 1)
        let before = try fixture.store.snapshot(OccupancyQuery(at: november4(8, 0)))
        #expect(before.zones.allSatisfy { $0.observation == nil })
    }

    @Test func aPassInProgressIsNotPublished() throws {
        let fixture = try OccupancyFixture()
        defer { fixture.remove() }
        try fixture.commitPass(number: 1, start: november4(9, 0), end: november4(9, 5), vehicles: ["roe-w-1": 10, "dan-w-1": 4])
        try fixture.commitPass(number: 2, start: november4(9, 20), end: november4(9, 24), vehicles: ["roe-w-1": 3],
                               inSteps: true, finish: false)
        let during = try fixture.store.snapshot(OccupancyQuery(), includeBuckets: true)
        #expect(during.zones.first { $0.zone.id == "roe-w-1" }?.observation?.vehicles == 10)
        // The 09:15 bucket is still being counted; the 09:00 bucket is final.
        #expect(during.buckets.map(\.periodStart) == [november4(9, 0), november4(9, 0)])
        try fixture.database.writer.write { db in try db.execute(sql: "UPDATE scanRun SET passCount = 2") }
        let after = try fixture.store.snapshot(OccupancyQuery(), includeBuckets: true)
        #expect(after.zones.first { $0.zone.id == "roe-w-1" }?.observation?.vehicles == 3)
        #expect(after.buckets.count == 3)
    }

    @Test func zoneFilterKeepsMapOrder() throws {
        let fixture = try OccupancyFixture()
        defer { fixture.remove() }
        let query = try OccupancyQuery.parse(at: nil, zones: ["roe-w-1,dan-w-1", "wil-1"], map: fixture.map)
        let order = fixture.map.zones.map(\.id).filter { ["roe-w-1", "dan-w-1", "wil-1"].contains($0) }
        #expect(query.zoneIDs == order)
        #expect(try fixture.store.snapshot(query).zones.map(\.zone.id) == order)
    }

    @Test func badZonesAndTimesAreErrorsNamingTheValue() throws {
        let map = try OccupancyFixture.demoTown()
        #expect(throws: OccupancyExportError.unknownZone("roe-x-9", known: map.zones.map(\.id))) {
            try OccupancyQuery.parse(at: nil, zones: ["roe-w-1", "roe-x-9"], map: map)
        }
        #expect(throws: OccupancyExportError.emptyZone) { try OccupancyQuery.parse(at: nil, zones: ["roe-w-1,,dan-w-1"], map: map) }
        #expect(throws: OccupancyExportError.badTime("yesterday")) { try OccupancyQuery.parse(at: "yesterday", zones: [], map: map) }
        let message = OccupancyExportError.unknownZone("a\u{7}b", known: ["x"]).description
        #expect(message == "unknown zone \"a\\u{7}b\" (zones in the map: x)")
    }

    @Test func timesAreReadStrictlyAndWrittenWithTheBerlinOffset() throws {
        let tenFifteen = november4(10, 15)
        for text in ["2025-11-04T10:15:00+01:00", "2025-11-04T09:15:00Z", "2025-11-04T10:15", "2025-11-04 10:15:00",
                     "2025-11-04T10:15:00.000+0100", "2025-11-04T11:15:00+02:00"] {
            #expect(try OccupancyTime.parse(text) == tenFifteen, "\(text)")
        }
        for text in ["", "2025-11-04", "2025-02-30T10:00", "2025-11-04T25:00", "2025-11-04T10:15:00+1", "2025-11-04T10:15x",
                     "2025-03-30T02:30", "１２３", "2025-11-04T10:15:00+01:00 "] {
            #expect(throws: OccupancyExportError.self, "\(text)") { try OccupancyTime.parse(text) }
        }
        #expect(OccupancyTime.format(tenFifteen) == "2025-11-04T10:15:00+01:00")
        #expect(OccupancyTime.format(try OccupancyTime.parse("2025-07-01T12:00:00Z")) == "2025-07-01T14:00:00+02:00")
    }

    /// A writer commits passes in which every zone gets the same count (the pass number), zone
    /// by zone in separate transactions as the pipeline's steps do, while snapshots are read:
    /// each snapshot must hold one pass for all zones, never a mix.
    @Test func aSnapshotNeverHoldsHalfOfAPass() async throws {
        let fixture = try OccupancyFixture()
        defer { fixture.remove() }
        let zones = fixture.map.zones.map(\.id)
        let passes = 40
        let writer = Task.detached {
            for pass in 1...passes {
                try fixture.commitPass(number: pass, start: november4(8, 0).addingTimeInterval(Double(pass) * 600),
                                       end: november4(8, 5).addingTimeInterval(Double(pass) * 600),
                                       vehicles: Dictionary(uniqueKeysWithValues: zones.map { ($0, pass) }), inSteps: true)
                try await Task.sleep(for: .milliseconds(2))
            }
        }
        var seen = Set<Int>()
        while true {
            let snapshot = try await fixture.store.snapshot(OccupancyQuery(), includeBuckets: true)
            let counts = Set(snapshot.zones.map { $0.observation?.vehicles ?? 0 })
            #expect(counts.count == 1, "mixed passes in one snapshot: \(counts.sorted())")
            let bucketPasses = Set(snapshot.buckets.filter { $0.periodStart == snapshot.buckets.last?.periodStart }.map(\.vehicles))
            #expect(bucketPasses.count <= 1)
            seen.formUnion(counts)
            if counts == [passes] { break }
        }
        try await writer.value
        #expect(seen.count > 1, "the reader saw only \(seen.sorted())")
    }
}
