import Foundation
import PlateReading
import Testing
@testable import Scanning

struct SurePlatesTests {
    typealias Frame = SurePlates.Frame

    /// Frame `index` of camera `right` (10 fps) with one read of `text`, its box moving 40 px a frame.
    static func frame(_ index: Int, _ text: String = "HD-AB 1234", confidence: Double = 0.8, carried: Bool = false,
                      sequence: Int? = nil) -> Frame {
        var read = ReadFixtures.read(text, confidence, box: PixelBox(x: 100 + 40 * index, y: 400, width: 120, height: 30))
        read.carried = carried
        return Frame(sequence: sequence ?? index, cameraFrameIndex: index,
                     time: ReadFixtures.start.addingTimeInterval(Double(index) / 10), reads: [read])
    }

    static func known(_ history: [Frame], at index: Int, rule: SurePlates.Rule = .init()) -> [KnownPlate] {
        SurePlates.known(in: history, at: index, rule: rule)
    }

    @Test func aPlateReadTheSameWayTwiceIsKnownWhereItsMotionPutsIt() {
        let known = Self.known([Self.frame(0), Self.frame(1), Self.frame(2)], at: 4)
        #expect(known.count == 1)
        #expect(known.first?.read.text == "HD-AB 1234")
        // Last box x 180, 40 px a frame, two frames on.
        #expect(known.first?.box == PixelBox(x: 260, y: 400, width: 120, height: 30))
    }

    @Test func oneReadUnsureReadsAndUndecidedSplitsAreNotEnough() {
        #expect(Self.known([Self.frame(0), Self.frame(1)], at: 3).count == 1)
        #expect(Self.known([Self.frame(1)], at: 3).isEmpty)
        #expect(Self.known([Self.frame(0, confidence: 0.3), Self.frame(1), Self.frame(2, confidence: 0.3)], at: 4).isEmpty)
        var undecided = Self.frame(1)
        undecided.reads[0].best.splitDecided = false
        #expect(Self.known([Self.frame(0), undecided], at: 3).isEmpty)
        // Not plate-like: no digits.
        #expect(Self.known([Self.frame(0, "ABCD"), Self.frame(1, "ABCD"), Self.frame(2, "ABCD")], at: 4).isEmpty)
    }

    @Test func carriedReadsKeepAPlateKnownButDoNotMakeItSure() {
        // Two reads of the OCR, then carried ones: known while the reads are in the window.
        let read = (0..<2).map { Self.frame($0) }, carried = (2..<10).map { Self.frame($0, carried: true) }
        #expect(Self.known(read + carried.prefix(5), at: 8).count == 1)
        // The window of 8 frames before frame 9, 1...8, holds one of the OCR's reads: read it again.
        #expect(Self.known(read + carried.prefix(7), at: 9).isEmpty)
        // Carried reads alone are never sure.
        #expect(Self.known(carried, at: 9).isEmpty)
    }

    @Test func aPlateOutOfViewOrFromLongAgoIsNotKnown() {
        // Last seen 4 frames before: gone (at most 2 frames missed).
        #expect(Self.known([Self.frame(0), Self.frame(1), Self.frame(2)], at: 6).isEmpty)
        #expect(Self.known([Self.frame(0), Self.frame(1), Self.frame(2)], at: 5).count == 1)
        // A camera frame index right after, but minutes later (a new pass).
        let sure = SurePlates()
        for index in 0..<3 { sure.record(Self.frame(index), camera: "right") }
        #expect(sure.known(sequence: 4, camera: "right", cameraFrameIndex: 4, time: ReadFixtures.start.addingTimeInterval(0.4)).count == 1)
        #expect(sure.known(sequence: 4, camera: "right", cameraFrameIndex: 4, time: ReadFixtures.start.addingTimeInterval(200)).isEmpty)
        #expect(sure.known(sequence: 4, camera: "left", cameraFrameIndex: 4, time: ReadFixtures.start.addingTimeInterval(0.4)).isEmpty)
    }

    /// What a frame is told depends on the frames handed out before it, not on which reader
    /// finished first: it waits for them, and ignores frames handed out just before it.
    @Test func aFrameWaitsForTheFramesBeforeItAndIgnoresTheOneBesideIt() {
        let sure = SurePlates()
        sure.record(Self.frame(0, confidence: 0.3), camera: "right")
        sure.record(Self.frame(1), camera: "right")
        // Frame 4 (lag 1) needs frames 0...2, and frame 2 is still being read.
        let late = Thread {
            Thread.sleep(forTimeInterval: 0.2)
            sure.record(Self.frame(2), camera: "right")
        }
        let started = Date()
        late.start()
        let atFour = sure.known(sequence: 4, camera: "right", cameraFrameIndex: 4, time: ReadFixtures.start.addingTimeInterval(0.4))
        #expect(Date().timeIntervalSince(started) >= 0.15)
        #expect(atFour.count == 1)
        // Frame 3 is told nothing of frame 2 (read beside it): one sure read only.
        sure.record(Self.frame(4), camera: "right")
        #expect(sure.known(sequence: 3, camera: "right", cameraFrameIndex: 3, time: ReadFixtures.start.addingTimeInterval(0.3)).isEmpty)
        #expect(sure.readCounts.read == 4)
    }

    @Test func fusionLeavesCarriedReadsOutAndATrackOfCarriedReadsIsNeverSure() {
        var carried = ReadFixtures.read("HD-XY 999", 0.9, box: PixelBox(x: 0, y: 0, width: 100, height: 25))
        carried.carried = true
        let reads = [ReadFixtures.read("HD-AB 1234", 0.6, box: PixelBox(x: 0, y: 0, width: 100, height: 25)),
                     ReadFixtures.read("HD-AB 1234", 0.6, box: PixelBox(x: 0, y: 0, width: 100, height: 25))]
        let fused = FusedPlate(fusing: reads + [carried, carried, carried])
        #expect(fused.text == "HD-AB 1234")
        #expect(fused.readCount == 2)
        #expect(abs(fused.confidence - 0.6) < 1e-9)
        let carriedOnly = FusedPlate(fusing: [carried, carried, carried])
        #expect(carriedOnly.text == "HD-XY 999")
        #expect(carriedOnly.readCount == 0)
        #expect(!ReadCertainty().accepts(carriedOnly))
    }

    @Test func evidenceIsCutFromAFrameTheOCRRead() {
        var track = PlateTrack(ReadFixtures.observation("HD-AB 1234", 0.5, frame: 0, x: 100))
        track.append(ReadFixtures.observation("HD-AB 1234", 0.6, frame: 1, x: 140))
        var carried = ReadFixtures.observation("HD-AB 1234", 0.9, frame: 2, x: 180)
        carried.read.carried = true
        track.append(carried)
        let sighting = Sighting(track: track)
        #expect(sighting.bestObservation.frameIndex == 1)
        #expect(sighting.lastFrameIndex == 2)
    }
}
