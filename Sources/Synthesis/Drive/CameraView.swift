import Foundation

/// One camera at one moment: a pinhole projection of the street into frame pixels.
///
/// World coordinates are the local frame's metres (x east, y north) and z up from the road.
/// Camera axes: x right, y down, z along the optical axis.
struct CameraView {
    let width: Int
    let height: Int
    let focal: Double
    let position: (x: Double, y: Double, z: Double)
    let axisX: (Double, Double, Double)
    let axisY: (Double, Double, Double)
    let axisZ: (Double, Double, Double)

    init(camera: DriveCamera, pose: VehiclePose, width: Int, height: Int, roll: Double = 0) {
        self.width = width
        self.height = height
        focal = Double(width) / 2 / tan(camera.horizontalFieldOfViewDegrees * .pi / 360)
        position = (pose.position.x, pose.position.y, camera.height)
        let yaw = camera.yawDegrees * .pi / 180 * (camera.side == .right ? -1 : 1)
        let d = pose.direction
        let h = LocalPoint(x: d.x * cos(yaw) - d.y * sin(yaw), y: d.x * sin(yaw) + d.y * cos(yaw))
        let pitch = camera.pitchDegrees * .pi / 180
        let z = (h.x * cos(pitch), h.y * cos(pitch), sin(pitch))
        let x0 = (h.y, -h.x, 0.0)
        let y0 = (z.1 * x0.2 - z.2 * x0.1, z.2 * x0.0 - z.0 * x0.2, z.0 * x0.1 - z.1 * x0.0)
        // A small roll of the vehicle turns x and y about the optical axis.
        let (cr, sr) = (cos(roll), sin(roll))
        axisX = (cr * x0.0 + sr * y0.0, cr * x0.1 + sr * y0.1, cr * x0.2 + sr * y0.2)
        axisY = (-sr * x0.0 + cr * y0.0, -sr * x0.1 + cr * y0.1, -sr * x0.2 + cr * y0.2)
        axisZ = z
    }

    /// A world vector in camera axes.
    func rotate(_ v: (Double, Double, Double)) -> (Double, Double, Double) {
        (v.0 * axisX.0 + v.1 * axisX.1 + v.2 * axisX.2,
         v.0 * axisY.0 + v.1 * axisY.1 + v.2 * axisY.2,
         v.0 * axisZ.0 + v.1 * axisZ.1 + v.2 * axisZ.2)
    }

    /// The homography from a vertical plane to the frame: plane coordinates in millimetres
    /// from `origin` (world metres) along the horizontal unit vector `across` (plane x) and
    /// straight down (plane y). Row-major, as ``PlaneProjection`` holds it.
    func homography(origin: (Double, Double, Double), across: LocalPoint) -> [Double] {
        let c0 = rotate((across.x / 1000, across.y / 1000, 0))
        let c1 = rotate((0, 0, -1.0 / 1000))
        let c2 = rotate((origin.0 - position.x, origin.1 - position.y, origin.2 - position.z))
        let columns = [c0, c1, c2]
        let cx = Double(width) / 2, cy = Double(height) / 2
        var m = [Double](repeating: 0, count: 9)
        for (j, c) in columns.enumerated() {
            m[j] = focal * c.0 + cx * c.2
            m[3 + j] = focal * c.1 + cy * c.2
            m[6 + j] = c.2
        }
        return m
    }
}
