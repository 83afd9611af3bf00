import DriveInput

/// Whether a track moved through the frame like a parked car beside the vehicle.
///
/// A plate 2-6 m beside a moving scan vehicle sweeps across the frame: on generated drives
/// about 0.7-2.5 box widths per frame, more than one box width per metre driven. What the
/// reader takes for a plate in a façade (a row of windows, 15 m and more away) barely moves
/// while the vehicle drives on (measured: below 0.2 box widths per frame, boxes 3-4x wider
/// than a plate's). Such a track is background: not a vehicle, never acted on.
///
/// Judged only when the vehicle moved at least ``minimumDrive`` metres (half a metre: two
/// frames at 10 fps and 10 km/h) between the track's first and last read (by the reads' GPS
/// positions): standing at a light, parked cars stand still in the frame too.
enum Parallax {
    /// Metres the vehicle must have moved for the check to apply.
    static let minimumDrive = 0.5
    /// Box widths per metre driven below which a track is background.
    static let minimumSweep = 0.2

    /// False when `observations` stood still in the frame while the vehicle drove on.
    static func movesLikeAParkedCar(_ observations: [PlateObservation]) -> Bool {
        guard observations.count >= 2, let first = observations.first, let last = observations.last,
              let from = first.position, let to = last.position else { return true }
        let driven = from.distance(to: to)
        guard driven >= minimumDrive else { return true }
        let width = Double(observations.map { max(1, $0.read.box.width) }.reduce(0, +)) / Double(observations.count)
        let sweep = abs(PlateTrack.centre(last.read.box).x - PlateTrack.centre(first.read.box).x) / width
        return sweep / driven >= minimumSweep
    }
}
