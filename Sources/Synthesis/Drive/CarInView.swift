import Foundation
import PlateReading

/// A parked car as one camera sees it in one frame: how to draw it, and whether its plate is
/// readable there (whole, big enough, facing the camera, not hidden by a nearer car).
struct CarInView: Sendable {
    /// Plates narrower than this (pixels) are not counted as visible.
    static let minimumPlateWidth = 20
    /// Plates seen more obliquely than this (degrees off their normal) are not counted.
    static let maximumViewAngle = 75.0

    let carID: Int
    let plan: CarPlan
    /// Metres from the camera to the plate.
    let distance: Double
    /// Degrees between the plate's normal and the line of sight.
    let viewAngle: Double
    /// The car drawing's outline in the frame (for occlusion).
    let outline: [FramePoint]
    var plateVisible: Bool

    /// The car as `view` sees it, or nil when it is not in the frame or partly behind the camera.
    init?(car: ParkedCar, view: CameraView) {
        let look = car.look
        let facing = car.space.facing
        let toCamera = LocalPoint(x: view.position.x, y: view.position.y) - car.space.centre
        let rearView = toCamera.dot(facing) < 0
        let face = car.space.centre + facing * (rearView ? -ParkedCar.halfLength : ParkedCar.halfLength)
        let across = rearView ? facing.rightNormal : facing.rightNormal * -1
        let ground = rearView ? look.rearPlateHeight : look.frontPlateHeight
        let projection = PlaneProjection(homography: view.homography(origin: (face.x, face.y, ground / 1000), across: across))

        let half = look.bodyWidth / 2 + 60
        let extent = [(-half, ground - 1490), (half, ground - 1490), (half, ground + 70), (-half, ground + 70)]
        guard extent.allSatisfy({ projection.depth(x: $0.0, y: $0.1) > 0.3 }) else { return nil }
        let outline = extent.map { projection.project(x: $0.0, y: $0.1) }
        let outlineBox = PixelBox(enclosing: outline)
        guard outlineBox.intersects(PixelBox(x: 0, y: 0, width: view.width, height: view.height)) else { return nil }

        let corners = PlaneProjection.plateCorners.map { projection.project(x: $0.x, y: $0.y) }
        let plateBox = PixelBox(enclosing: corners)
        let outward = rearView ? facing * -1 : facing
        let sight = (view.position.x - face.x, view.position.y - face.y, view.position.z - ground / 1000)
        let distance = (sight.0 * sight.0 + sight.1 * sight.1 + sight.2 * sight.2).squareRoot()
        let cosine = (outward.x * sight.0 + outward.y * sight.1) / distance
        let viewAngle = acos(max(-1, min(1, cosine))) * 180 / .pi
        let margin = 2.0
        let inside = corners.allSatisfy {
            $0.x >= margin && $0.y >= margin && $0.x <= Double(view.width) - margin && $0.y <= Double(view.height) - margin
        }
        let resolution = max(1.2 * Double(plateBox.width) / 520, 1.2 * Double(outlineBox.width) / (2 * half))
        plan = CarPlan(
            projection: projection, pixelsPerMillimetre: min(1.5, max(0.03, resolution)), bodyWidth: look.bodyWidth,
            plateHeight: ground, body: look.body, rearView: rearView, plateHolder: look.plateHolder,
            holderText: look.holderText, stickerText: nil, seed: look.seed, plate: car.plate, style: look.style
        )
        carID = car.id
        self.distance = distance
        self.viewAngle = viewAngle
        self.outline = outline
        plateVisible = inside && plateBox.width >= Self.minimumPlateWidth && viewAngle < Self.maximumViewAngle
            && corners.allSatisfy { projection.depth(x: $0.x, y: $0.y) > 0.3 }
    }

    /// The plate's corners in the frame.
    var plateCorners: [FramePoint] { plan.plateCorners }

    /// Whether this car's drawing covers part of `other`'s plate (any plate corner or its
    /// middle inside this car's outline).
    func hides(plateOf other: CarInView) -> Bool {
        let corners = other.plateCorners
        let middle = FramePoint(x: corners.map(\.x).reduce(0, +) / 4, y: corners.map(\.y).reduce(0, +) / 4)
        return (corners + [middle]).contains { Self.convexPolygon(outline, contains: $0) }
    }

    private static func convexPolygon(_ polygon: [FramePoint], contains point: FramePoint) -> Bool {
        var sign = 0.0
        for i in polygon.indices {
            let a = polygon[i], b = polygon[(i + 1) % polygon.count]
            let cross = (b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x)
            if cross == 0 { continue }
            if sign == 0 { sign = cross } else if (cross > 0) != (sign > 0) { return false }
        }
        return true
    }
}
