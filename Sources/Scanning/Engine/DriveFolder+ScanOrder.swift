import DriveInput

extension DriveFolder {
    /// The drive's frames in the order every scan takes them (time, then camera, then file),
    /// with each frame's place in its own camera's sequence. `scan` and `watch --replay` both
    /// use it, so they see the same frames in the same order.
    public func scanOrder() -> (frames: [DriveFrame], cameraFrameIndex: [Int]) {
        let frames = frames().sorted { a, b in (a.time, a.camera, a.path) < (b.time, b.camera, b.path) }
        var perCamera: [String: Int] = [:]
        let cameraFrameIndex = frames.map { frame in
            defer { perCamera[frame.camera, default: 0] += 1 }
            return perCamera[frame.camera, default: 0]
        }
        return (frames, cameraFrameIndex)
    }
}
