import DriveInput
import Foundation
import PlateReading

/// One car seen once: a track's reads fused into one plate, placed and timed.
public struct Sighting: Sendable, Equatable {
    /// The camera that saw it.
    public var camera: String
    /// The first and last frame of the track (drive order); the first identifies the
    /// sighting within a drive.
    public var firstFrameIndex: Int
    public var lastFrameIndex: Int
    /// When the plate was first and last seen.
    public var firstSeen: Date
    public var lastSeen: Date
    /// The fused plate.
    public var plate: FusedPlate
    /// The read the evidence is cut from: the most confident read of the fused text.
    public var bestObservation: PlateObservation
    /// The car's position at the track's middle read (or the nearest read that has one);
    /// nil without a GPS fix.
    public var position: GeoPoint?
    /// The zone the position is in, set by the pipeline; nil when unlocated.
    public var zone: String?
    /// The track read as the plate that its fused winner is with one character lost, when
    /// that plate is the runner-up (`AW-IN 33` behind `AW-N 33`: the narrow `I` lost in some
    /// reads); nil otherwise. Used only where the winner as read is not sure enough even to
    /// confirm (``PassCommitter``): to confirm a sure sighting of exactly that plate, and to
    /// find that plate's right (the car is then compliant); never to raise a case on its own.
    public var lostCharacterRestored: Restored?
    /// False when the track stood still in the frame while the vehicle drove on: something
    /// far off (a façade), not a parked car (``Parallax``).
    public var movedLikeAParkedCar: Bool
    /// The height of the track's tallest plate box: how near the car came
    /// (``PassVehicles/isFarAway(camera:height:)``).
    public var nearestPlateHeight: Int

    /// Fuses a track.
    public init(track: PlateTrack) {
        let observations = track.observations
        camera = track.camera
        firstFrameIndex = track.firstFrameIndex
        lastFrameIndex = track.lastFrameIndex
        firstSeen = observations.first!.time
        lastSeen = observations.last!.time
        plate = FusedPlate(fusing: observations.map(\.read))
        bestObservation = Self.bestObservation(of: plate.text, in: observations)
        lostCharacterRestored = Self.restoringLostCharacter(of: plate, in: observations)
        let middle = observations.count / 2
        let located = observations.indices.filter { observations[$0].position != nil }
        position = located.min { abs($0 - middle) < abs($1 - middle) }.flatMap { observations[$0].position }
        zone = nil
        movedLikeAParkedCar = Parallax.movesLikeAParkedCar(observations)
        nearestPlateHeight = observations.map(\.read.box.height).max()!
    }

    /// A track's plate read with a lost character restored, and the read its evidence comes from.
    public struct Restored: Sendable, Equatable {
        public var plate: FusedPlate
        public var bestObservation: PlateObservation
    }

    /// This sighting as the plate with the lost character restored, if there is one.
    public var restoringLostCharacter: Sighting? {
        lostCharacterRestored.map { restored in
            var sighting = self
            sighting.plate = restored.plate
            sighting.bestObservation = restored.bestObservation
            sighting.lostCharacterRestored = nil
            return sighting
        }
    }

    /// `plate` read as its runner-up when the winner is that with one character lost.
    private static func restoringLostCharacter(of plate: FusedPlate, in observations: [PlateObservation]) -> Restored? {
        guard let runnerUp = plate.alternatives.first,
              ReadCertainty.dropsOneCharacter(from: Array(runnerUp.normalized), giving: Array(plate.normalized))
        else { return nil }
        let restored = FusedPlate(fusing: observations.map(\.read), winner: runnerUp.text)
        return Restored(plate: restored, bestObservation: bestObservation(of: restored.text, in: observations))
    }

    /// The most confident read of `winner` among `observations`.
    private static func bestObservation(of winner: String, in observations: [PlateObservation]) -> PlateObservation {
        // Evidence comes from a frame the OCR read with the plate whole (carried reads were not
        // read: ``PlateRead/carried``; ``PlateRead/cutByFrameEdge``). Live frames keep their image
        // only for a track's best reads: evidence comes from those. Frames from files (recorded
        // drives) all qualify.
        let read = observations.contains { $0.read.isWholeReadByTheOCR }
            ? observations.filter { $0.read.isWholeReadByTheOCR } : observations
        let withImage = read.contains { $0.image != nil } ? read.filter { $0.image != nil } : read
        return withImage.max { a, b in
            Self.confidence(of: winner, in: a.read) < Self.confidence(of: winner, in: b.read)
        }!
    }

    /// The middle of the time seen: the sighting's time.
    public var time: Date { firstSeen.addingTimeInterval(lastSeen.timeIntervalSince(firstSeen) / 2) }

    private static func confidence(of text: String, in read: PlateRead) -> Double {
        ([read.best] + read.alternatives).first { $0.text == text }?.confidence ?? 0
    }
}
