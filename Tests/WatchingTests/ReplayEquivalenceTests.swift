import DriveInput
import Foundation
import GRDB
import PlateReading
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
        // The last frames before each pass gap are read slowly, as on a loaded machine: the
        // replay has queued the next pass by then, and the pass must not end under them.
        let order = try DriveFolder(path: drive.drivePath).scanOrder().frames
        let passEnds = Set(order.indices.dropLast().filter {
            order[$0 + 1].time.timeIntervalSince(order[$0].time) > ScanSettings().passGap
        }.flatMap { end in order[max(0, end - 2)...end].map(\.path) })
        #expect(!passEnds.isEmpty, "the drive should have more than one pass")
        let readers = try (0..<2).map { _ in
            ReaderHoldingFrames(try PlateFrameReader(configuration: ScanSettings().reader), held: passEnds, for: 0.8)
        }
        let session = try drive.watchSession(database: live, readers: readers)
        try session.start()
        session.waitUntilFinished()
        #expect(session.failure == nil)
        let status = session.status()
        #expect(status.framesDropped == 0)
        #expect(status.framesRead == drive.truth.frames.count)
        // Plates of sure tracks were carried over, not read again, in both alike.
        #expect(status.platesCarried > 0)
        #expect(status.platesCarried == summary.platesCarried)
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

/// The real reader, holding the given frames for a while before reading them.
final class ReaderHoldingFrames: FrameReading {
    private let reader: any FrameReading
    private let held: Set<String>
    private let seconds: TimeInterval

    init(_ reader: any FrameReading, held: Set<String>, for seconds: TimeInterval) {
        self.reader = reader
        self.held = held
        self.seconds = seconds
    }

    func read(_ frame: LiveFrame) -> LiveFrameQueue.Outcome { read(frame, knowing: []) }

    func read(_ frame: LiveFrame, knowing known: [KnownPlate]) -> LiveFrameQueue.Outcome {
        if held.contains(frame.path) { Thread.sleep(forTimeInterval: seconds) }
        return reader.read(frame, knowing: known)
    }
}
