import Foundation

/// A homography from a plane (mm) to frame pixels, built from a camera looking at the plane.
struct PlaneProjection: Sendable, Hashable {
    /// Row-major 3x3.
    var matrix: [Double]

    /// The plate's corners in the car plane (mm): top-left, top-right, bottom-right, bottom-left.
    static let plateCorners: [(x: Double, y: Double)] = [(-260, -55), (260, -55), (260, 55), (-260, 55)]

    /// A pinhole camera with focal length `focal` (pixels) at `distance` mm from the plane's
    /// origin, the plane turned by `yaw`, `pitch`, `roll` (radians); the origin lands at `centre`.
    init(yaw: Double, pitch: Double, roll: Double, focal: Double, distance: Double, centre: FramePoint) {
        let (cy, sy) = (cos(yaw), sin(yaw)), (cp, sp) = (cos(pitch), sin(pitch)), (cr, sr) = (cos(roll), sin(roll))
        // R = Rz(roll) * Rx(pitch) * Ry(yaw); only its first two columns matter for a plane.
        let ry: [[Double]] = [[cy, 0, sy], [0, 1, 0], [-sy, 0, cy]]
        let rx: [[Double]] = [[1, 0, 0], [0, cp, -sp], [0, sp, cp]]
        let rz: [[Double]] = [[cr, -sr, 0], [sr, cr, 0], [0, 0, 1]]
        let r = Self.product(rz, Self.product(rx, ry))
        // H = K [r1 r2 t], K = [[f, 0, cx], [0, f, cy], [0, 0, 1]], t = (0, 0, distance).
        let columns: [[Double]] = [[r[0][0], r[1][0], r[2][0]], [r[0][1], r[1][1], r[2][1]], [0, 0, distance]]
        var m = [Double](repeating: 0, count: 9)
        for (j, column) in columns.enumerated() {
            m[j] = focal * column[0] + centre.x * column[2]
            m[3 + j] = focal * column[1] + centre.y * column[2]
            m[6 + j] = column[2]
        }
        matrix = m
    }

    /// Where the plane point (x, y) lands in the frame.
    func project(x: Double, y: Double) -> FramePoint {
        let w = depth(x: x, y: y)
        return FramePoint(
            x: (matrix[0] * x + matrix[1] * y + matrix[2]) / w,
            y: (matrix[3] * x + matrix[4] * y + matrix[5]) / w
        )
    }

    /// The camera-space depth of the plane point (x, y), in mm; positive in front of the camera.
    func depth(x: Double, y: Double) -> Double {
        matrix[6] * x + matrix[7] * y + matrix[8]
    }

    private static func product(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        (0..<3).map { i in (0..<3).map { j in (0..<3).reduce(0) { $0 + a[i][$1] * b[$1][j] } } }
    }
}
