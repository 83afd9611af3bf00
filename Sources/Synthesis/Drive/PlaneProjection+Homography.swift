extension PlaneProjection {
    /// A projection from a ready homography (row-major 3x3, plane millimetres to frame pixels).
    init(homography: [Double]) {
        self.init(yaw: 0, pitch: 0, roll: 0, focal: 1, distance: 1, centre: FramePoint(x: 0, y: 0))
        matrix = homography
    }
}
