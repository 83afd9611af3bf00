import PlateReading
import Testing
@testable import Scanning

@Suite struct SightingTrackerTests {
    typealias F = ReadFixtures

    /// Runs the tracker over frames 0..<count, with `reads[frame]` in each.
    func track(_ reads: [Int: [PlateObservation]], frames count: Int) -> [PlateTrack] {
        var tracker = SightingTracker()
        var tracks: [PlateTrack] = []
        for frame in 0..<count {
            tracks += tracker.add(reads[frame] ?? [], camera: "right", cameraFrameIndex: frame)
        }
        return tracks + tracker.finish()
    }

    @Test func consecutiveReadsOfOnePlateMakeOneTrack() {
        let reads = Dictionary(uniqueKeysWithValues: (0..<5).map { ($0, [F.observation("M-AB 1234", 0.7, frame: $0, x: 900 - 150 * $0)]) })
        let tracks = track(reads, frames: 5)
        #expect(tracks.count == 1)
        #expect(tracks[0].observations.count == 5)
    }

    @Test func aMisreadCharacterStaysInTheTrack() {
        let reads: [Int: [PlateObservation]] = [
            0: [F.observation("M-AB 1234", 0.7, frame: 0, x: 900)],
            1: [F.observation("M-AB 1284", 0.4, frame: 1, x: 760)],
            2: [F.observation("M-AB 1234", 0.7, frame: 2, x: 620)],
        ]
        let tracks = track(reads, frames: 3)
        #expect(tracks.count == 1)
        #expect(Sighting(track: tracks[0]).plate.text == "M-AB 1234")
    }

    @Test func aGapOfTwoFramesIsBridgedButNotThree() {
        let bridged = track([0: [F.observation("M-AB 1234", 0.7, frame: 0, x: 900)],
                             3: [F.observation("M-AB 1234", 0.7, frame: 3, x: 600)]], frames: 4)
        #expect(bridged.count == 1)
        let split = track([0: [F.observation("M-AB 1234", 0.7, frame: 0, x: 900)],
                           4: [F.observation("M-AB 1234", 0.7, frame: 4, x: 600)]], frames: 5)
        #expect(split.count == 2)
    }

    @Test func twoPlatesInOneFrameStayApart() {
        var reads: [Int: [PlateObservation]] = [:]
        for frame in 0..<4 {
            reads[frame] = [F.observation("M-AB 1234", 0.7, frame: frame, x: 1200 - 120 * frame),
                            F.observation("HD-XY 99", 0.6, frame: frame, x: 500 - 120 * frame)]
        }
        let tracks = track(reads, frames: 4)
        #expect(tracks.count == 2)
        #expect(Set(tracks.map { Sighting(track: $0).plate.text }) == ["M-AB 1234", "HD-XY 99"])
        #expect(tracks.allSatisfy { $0.observations.count == 4 })
    }

    @Test func aBoxJumpingAcrossTheFrameIsAnotherCar() {
        let reads: [Int: [PlateObservation]] = [
            0: [F.observation("M-AB 1234", 0.7, frame: 0, x: 1500)],
            1: [F.observation("M-AB 1234", 0.7, frame: 1, x: 1350)],
            2: [F.observation("M-AB 1234", 0.7, frame: 2, x: 100)],
        ]
        #expect(track(reads, frames: 3).count == 2)
    }

    @Test func differentPlatesDoNotJoin() {
        let reads: [Int: [PlateObservation]] = [
            0: [F.observation("M-AB 1234", 0.7, frame: 0, x: 900)],
            1: [F.observation("KA-ZZ 87", 0.7, frame: 1, x: 800)],
        ]
        #expect(track(reads, frames: 2).count == 2)
    }

    @Test func otherCamerasDoNotCloseATrack() {
        var tracker = SightingTracker()
        _ = tracker.add([F.observation("M-AB 1234", 0.7, frame: 0, x: 900)], camera: "right", cameraFrameIndex: 0)
        let closed = tracker.add([F.observation("KA-ZZ 87", 0.7, frame: 1, x: 900, camera: "left")], camera: "left", cameraFrameIndex: 10)
        #expect(closed.isEmpty)
        #expect(!tracker.isIdle)
    }
}

@Suite struct PlateFusionTests {
    typealias F = ReadFixtures

    @Test func confidencesAreSummedPerText() {
        let reads = [
            F.read("M-AB 1234", 0.5, box: .init(x: 0, y: 0, width: 100, height: 25)),
            F.read("M-AB 1284", 0.6, box: .init(x: 0, y: 0, width: 100, height: 25), alternatives: [F.hypothesis("M-AB 1234", 0.3)]),
            F.read("M-AB 1234", 0.5, box: .init(x: 0, y: 0, width: 100, height: 25)),
        ]
        let fused = FusedPlate(fusing: reads)
        #expect(fused.text == "M-AB 1234")
        #expect(abs(fused.confidence - 1.3 / 3) < 1e-9)
        #expect(abs(fused.agreement - 2.0 / 3) < 1e-9)
        #expect(fused.alternatives.first?.text == "M-AB 1284")
        #expect(fused.splitDecided)
    }

    /// A plate the frame's edge cuts may have lost characters (`C-H 2517` for `LÖ-CH 2517` as
    /// the car comes into view): its read does not compete with the whole reads' winner, and
    /// joins it only when it reads the same.
    @Test func aReadCutByTheFrameEdgeOnlyJoinsTheWinner() {
        let box = PixelBox(x: 0, y: 0, width: 100, height: 25)
        func cut(_ text: String, _ confidence: Double) -> PlateRead {
            var read = F.read(text, confidence, box: box)
            read.cutByFrameEdge = true
            return read
        }
        let whole = [F.read("LÖ-CH 2517", 0.6, box: box), F.read("LÖ-CH 257", 0.5, box: box)]
        let withCutOther = FusedPlate(fusing: [cut("C-H 2517", 0.99)] + whole)
        #expect(withCutOther.text == "LÖ-CH 2517")
        #expect(withCutOther.readCount == 2)
        #expect(abs(withCutOther.agreement - 0.5) < 1e-9)
        #expect(!withCutOther.alternatives.contains { $0.text == "C-H 2517" })
        let withCutSame = FusedPlate(fusing: [cut("LÖ-CH 2517", 0.4)] + whole)
        #expect(withCutSame.readCount == 3)
        #expect(abs(withCutSame.confidence - 1.0 / 3) < 1e-9)
        #expect(abs(withCutSame.agreement - 2.0 / 3) < 1e-9)
        // Cut reads alone: fused from those, never counted as reads (never sure).
        #expect(FusedPlate(fusing: [cut("C-H 2517", 0.9), cut("C-H 2517", 0.9)]).readCount == 0)
    }

    @Test func undecidedSplitIsCarriedOver() {
        let box = PixelBox(x: 0, y: 0, width: 100, height: 25)
        let fused = FusedPlate(fusing: [F.read("M-AB 1234", 0.4, box: box, splitDecided: false),
                                        F.read("M-AB 1234", 0.4, box: box, splitDecided: false)])
        #expect(!fused.splitDecided)
        #expect(!ReadCertainty().accepts(fused))
    }

    @Test func certaintyNeedsTwoAgreeingConfidentReads() {
        let box = PixelBox(x: 0, y: 0, width: 100, height: 25)
        let certainty = ReadCertainty()
        #expect(!certainty.accepts(FusedPlate(fusing: [F.read("M-AB 1234", 0.9, box: box)])))
        #expect(certainty.accepts(FusedPlate(fusing: [F.read("M-AB 1234", 0.7, box: box), F.read("M-AB 1234", 0.6, box: box)])))
        #expect(!certainty.accepts(FusedPlate(fusing: [F.read("M-AB 1234", 0.05, box: box), F.read("M-AB 1234", 0.05, box: box)])))
        // Two texts neck and neck: neither is sure.
        #expect(!certainty.accepts(FusedPlate(fusing: [F.read("M-AB 1234", 0.6, box: box), F.read("M-AB 1284", 0.6, box: box)])))
    }

    @Test func bestObservationIsTheSurestReadOfTheWinner() {
        let track = [F.observation("M-AB 1234", 0.5, frame: 0, x: 900), F.observation("M-AB 1234", 0.8, frame: 1, x: 780),
                     F.observation("M-AB 1234", 0.6, frame: 2, x: 660)]
        var plateTrack = PlateTrack(track[0])
        plateTrack.append(track[1])
        plateTrack.append(track[2])
        let sighting = Sighting(track: plateTrack)
        #expect(sighting.bestObservation.frameIndex == 1)
        #expect(sighting.position == track[1].position)
        #expect(sighting.firstFrameIndex == 0 && sighting.lastFrameIndex == 2)
    }
}
