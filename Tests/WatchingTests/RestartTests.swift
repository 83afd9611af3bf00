import DriveInput
import Enforcement
import Foundation
import LiveInput
import GRDB
import Logging
import Scanning
import ServiceLifecycle
import Testing
import Watching

@Suite(.serialized) struct RestartTests {
    /// A vehicle's unit stopped after the first pass (SIGTERM through the service group) and
    /// started again for the second: the pending first sightings were kept and the second
    /// pass confirms them, giving the cases a single uninterrupted scan gives.
    @Test func aSecondPassAfterARestartConfirmsThePendingSightingsOfTheFirst() async throws {
        let drive = try TestDrive.demo()
        defer { drive.remove() }
        let batch = drive.file("scan.sqlite"), live = drive.file("watch.sqlite")
        _ = try drive.scan(database: batch)
        let expected = try TestDrive.cases(batch)
        #expect(!expected.isEmpty)

        let folder = try DriveFolder(path: drive.drivePath)
        let secondPassStart = try #require(ISO8601Parsing.date(drive.truth.passes[1].start))
        let firstPass = Date.distantPast...secondPassStart.addingTimeInterval(-1)
        let rest = secondPassStart...Date.distantFuture

        // First run: pass 1, then a graceful shutdown as SIGTERM would trigger it.
        let first = try drive.watchSession(database: live, window: firstPass)
        let service = WatchService(session: first)
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)],
            logger: Logger(label: "test")))
        async let running: Void = group.run()
        while !first.isFinished { try await Task.sleep(for: .milliseconds(100)) }
        await group.triggerGracefulShutdown()
        try await running
        let pendingAfterFirst = try await ParkScanDatabase(path: live).writer.read { db in try PendingStore.count(in: db) }
        #expect(pendingAfterFirst > 0)
        #expect(try TestDrive.cases(live).isEmpty)

        // Second run (a new process would open the same file): the rest of the drive.
        let second = try drive.watchSession(database: live, window: rest)
        try second.start()
        second.waitUntilFinished()
        #expect(second.failure == nil)
        #expect(try TestDrive.cases(live) == expected)
        _ = folder
    }

    /// SIGTERM in the middle of a pass (the service group's graceful shutdown): the frames
    /// queued are read, the tracks in flight decided and committed, the run completed, and
    /// the service returns normally (exit 0).
    @Test func aGracefulShutdownMidPassCommitsTheTracksInFlight() async throws {
        let drive = try TestDrive.demo()
        defer { drive.remove() }
        let live = drive.file("watch.sqlite")
        // Real timing: the drive lasts 105 minutes; shut down after a few frames.
        let session = try drive.watchSession(database: live, speed: 1)
        let service = WatchService(session: session)
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)],
            logger: Logger(label: "test")))
        async let running: Void = group.run()
        let deadline = Date().addingTimeInterval(60)
        while session.status().framesRead < 10 && !session.isFinished && Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(!session.isFinished)
        await group.triggerGracefulShutdown()
        try await running
        #expect(session.isFinished)
        let status = session.status()
        #expect(status.openTracks == 0)
        let id = session.scanRunID
        let run = try await ParkScanDatabase(path: live).writer.read { db in try ScanRunRecord.fetchOne(db, key: id) }
        #expect(run?.completedAt != nil)
        #expect(run?.framesRead == status.framesRead)
        #expect(status.framesRead < 320, "stopped early, not at the end of the drive")
    }
}
