import Foundation

/// Turns a ``PlannedFrame`` into a ``ScenePlan`` for the scene renderer: a street background
/// that stays the same along each 40 m block of the route, the cars in view, and mild camera
/// degradation (slight blur, motion smear while moving, sensor noise, the pass's light).
struct DriveFramePainter {
    let seed: UInt64
    let options: DriveOptions

    func scene(for frame: PlannedFrame) -> ScenePlan {
        ScenePlan(width: options.width, height: options.height, background: background(for: frame), sign: nil,
                  cars: frame.cars.map(\.plan), degradation: options.degrade ? degradation(for: frame) : nil,
                  jpegQuality: options.jpegQuality)
    }

    private func background(for frame: PlannedFrame) -> BackgroundPlan {
        let p = frame.pose.position
        let blockX = UInt64(Int((p.x / 40).rounded(.down)) + 512) & 0x3FF
        let blockY = UInt64(Int((p.y / 40).rounded(.down)) + 512) & 0x3FF
        let heading = UInt64(Int((frame.pose.direction.bearingDegrees + 45) / 90) % 4)
        let stream = 0xB000_0000 | UInt64(frame.cameraIndex) << 24 | blockX << 12 | blockY << 2 | heading
        var g = SeededGenerator(seed: seed, stream: stream)
        let skyline = g.double(in: 0.02...0.25)
        return BackgroundPlan(
            seed: g.next(), skyline: skyline, horizon: min(0.8, skyline + g.double(in: 0.25...0.45)),
            sky: g.element(of: ScenePalette.skies).jittered(by: 12, using: &g),
            wall: g.element(of: ScenePalette.walls).jittered(by: 15, using: &g),
            road: g.element(of: ScenePalette.roads).jittered(by: 8, using: &g),
            windowDensity: g.double(in: 0.3...0.95),
            textureStrength: options.degrade ? g.double(in: 0.2...0.5) : 0
        )
    }

    private func degradation(for frame: PlannedFrame) -> DegradationPlan {
        var light = SeededGenerator(seed: seed, stream: 0xC000_0000 + UInt64(frame.pass))
        var noise = SeededGenerator(seed: seed, stream: 0xD000_0000_0000 | UInt64(frame.cameraIndex) << 32
            | UInt64(frame.pass) << 24 | UInt64(frame.tick))
        var d = DegradationPlan(seed: noise.next())
        d.brightness = light.double(in: 0.9...1.1)
        d.illuminationStrength = light.double(in: 0...0.15)
        d.illuminationAngle = light.double(in: 0...(2 * Double.pi))
        d.gaussianSigma = 0.5
        d.motionLength = frame.pose.speed > 0 ? 1.5 : 0
        d.noiseSigma = 1.5
        return d
    }
}
