import DriveInput
import Foundation
import GRDB
import Scanning
import Testing
import Watching

@Suite(.serialized) struct ReplayEquivalenceTests {
    /// One engine for both: `watch --replay` (through the live queue, readers and engine
    /// thread) decides exactly what `scan` decides on the same drive.
    @Test func replayingADriveGivesTheCasesAndOccupancyOfItsScan() throws {
        let drive = try TestDrive.demo()
        defer { drive.remove() }
        let batch = drive.file("scan.sqlite"), live = drive.file("watch.sqlite")
        let summary = try drive.scan(database: batch)
        let session = try drive.watchSession(database: live)
        try session.start()
        session.waitUntilFinished()
        #expect(session.failure == nil)
        let status = session.status()
        #expect(status.framesDropped == 0)
        #expect(status.framesRead == drive.truth.frames.count)
        #expect(status.sightings == summary.run.sightings)
        #expect(status.pending == summary.run.pending)
        let cases = try TestDrive.cases(batch)
        #expect(!cases.isEmpty, "the drive should give cases; else this test shows little")
        #expect(try TestDrive.cases(live) == cases)
        let occupancy = try TestDrive.occupancy(batch)
        #expect(!occupancy.isEmpty)
        #expect(try TestDrive.occupancy(live) == occupancy)
    }
}
