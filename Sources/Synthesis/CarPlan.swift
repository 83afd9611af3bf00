/// One car with its plate, placed in the frame.
struct CarPlan: Sendable, Hashable {
    /// Maps the car plane (mm, origin at the plate centre, y down) to frame pixels.
    var projection: PlaneProjection
    /// Resolution of the car drawing before it is mapped into the frame.
    var pixelsPerMillimetre: Double
    var bodyWidth: Double
    var plateHeight: Double
    var body: RGB
    var rearView: Bool
    var plateHolder: Bool
    var holderText: String?
    var stickerText: String?
    var seed: UInt64
    var plate: PlateSpec
    var style: PlateStyle

    /// The plate's corners in the frame: top-left, top-right, bottom-right, bottom-left.
    var plateCorners: [FramePoint] {
        PlaneProjection.plateCorners.map { projection.project(x: $0.x, y: $0.y) }
    }
}
