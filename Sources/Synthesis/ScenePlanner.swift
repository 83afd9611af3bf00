import Foundation
import PlateReading

/// Decides everything about scene number `index` from the seed: deterministic and cheap.
struct ScenePlanner {
    let seed: UInt64
    let options: SceneOptions

    private static let degree = Double.pi / 180
    /// Car-plane extent of the drawing (mm, relative to the plate centre) for a ground height g.
    private static func carExtent(bodyWidth: Double, ground: Double) -> [(x: Double, y: Double)] {
        let half = bodyWidth / 2 + 60
        return [(-half, ground - 1490), (half, ground - 1490), (half, ground + 70), (-half, ground + 70)]
    }

    func plan(scene index: Int) -> ScenePlan {
        var g = SeededGenerator(seed: seed, stream: UInt64(truncatingIfNeeded: index))
        let width = Double(options.width)
        let background = makeBackground(&g)
        let withDistractors = g.chance(options.distractorShare)
        let twoCars = g.chance(options.twoCarShare)

        var cars: [CarPlan] = []
        if twoCars {
            let cap = max(options.plateWidths.lowerBound, min(options.plateWidths.upperBound, width / 2 / 3.8))
            let widths = options.plateWidths.lowerBound...cap
            if let left = makeCar(region: 0...(width / 2), plateWidths: widths, &g),
               let right = makeCar(region: (width / 2)...width, plateWidths: widths, &g) {
                // The nearer car (bigger plate) is drawn last and must not hide the other plate.
                let ordered = [left, right].sorted { plateWidth($0) < plateWidth($1) }
                let farPlate = PixelBox(enclosing: ordered[0].plateCorners).expanded(by: 3)
                if !carBox(ordered[1]).intersects(farPlate) { cars = ordered }
            }
        }
        if cars.isEmpty, let car = makeCar(region: 0...width, plateWidths: options.plateWidths, &g) {
            cars = [car]
        }
        if withDistractors, !cars.isEmpty, g.chance(0.5) {
            cars[0].stickerText = g.element(of: ScenePalette.stickerTexts)
        }
        let sign = withDistractors && g.chance(0.8) ? makeSign(background: background, &g) : nil
        let degradation = options.degrade ? makeDegradation(smallestPlate: cars.map(plateWidth).min() ?? 100, &g) : nil
        return ScenePlan(
            width: options.width, height: options.height, background: background, sign: sign, cars: cars,
            degradation: degradation, jpegQuality: options.degrade ? g.int(in: 60...95) : 95
        )
    }

    private func plateWidth(_ car: CarPlan) -> Double {
        Double(PixelBox(enclosing: car.plateCorners).width)
    }

    /// Everything the car's drawing (shadow included) may cover in the frame.
    private func carBox(_ car: CarPlan) -> PixelBox {
        let outline = Self.carExtent(bodyWidth: car.bodyWidth, ground: car.plateHeight)
        return PixelBox(enclosing: outline.map { car.projection.project(x: $0.x, y: $0.y) })
    }

    private func makeBackground(_ g: inout SeededGenerator) -> BackgroundPlan {
        let skyline = g.double(in: 0.02...0.35)
        return BackgroundPlan(
            seed: g.next(), skyline: skyline, horizon: min(0.85, skyline + g.double(in: 0.2...0.5)),
            sky: g.element(of: ScenePalette.skies).jittered(by: 12, using: &g),
            wall: g.element(of: ScenePalette.walls).jittered(by: 15, using: &g),
            road: g.element(of: ScenePalette.roads).jittered(by: 8, using: &g),
            windowDensity: g.double(in: 0.3...0.95), textureStrength: g.double(in: 0.2...1)
        )
    }

    /// A car whose plate lies inside `region` (frame x range) and the frame, or nil if none fits.
    private func makeCar(region: ClosedRange<Double>, plateWidths: ClosedRange<Double>,
                         _ g: inout SeededGenerator) -> CarPlan? {
        let frameWidth = Double(options.width), frameHeight = Double(options.height), margin = 3.0
        var widest = plateWidths.upperBound
        for _ in 0..<16 {
            let target = g.double(in: plateWidths.lowerBound...max(plateWidths.lowerBound, widest))
            widest = max(plateWidths.lowerBound, widest * 0.85)
            let yaw = g.double(in: -35...35) * Self.degree
            let pitch = g.double(in: -15...15) * Self.degree
            let roll = g.double(in: -6...6) * Self.degree
            let focal = frameWidth * g.double(in: 0.9...1.6)
            let bodyWidth = g.double(in: 1650...1900)
            let rearView = g.chance(0.5)
            let ground = rearView ? g.double(in: 450...700) : g.double(in: 380...520)
            let origin = FramePoint(x: 0, y: 0)
            var distance = focal * 520 / target
            var projection = PlaneProjection(yaw: yaw, pitch: pitch, roll: roll, focal: focal, distance: distance, centre: origin)
            for _ in 0..<3 {  // scale the distance until the plate has the wanted width
                let box = PixelBox(enclosing: PlaneProjection.plateCorners.map { projection.project(x: $0.x, y: $0.y) })
                distance *= Double(box.width) / target
                projection = PlaneProjection(yaw: yaw, pitch: pitch, roll: roll, focal: focal, distance: distance, centre: origin)
            }
            let corners = PlaneProjection.plateCorners.map { projection.project(x: $0.x, y: $0.y) }
            let minX = corners.map(\.x).min()!, maxX = corners.map(\.x).max()!
            let minY = corners.map(\.y).min()!, maxY = corners.map(\.y).max()!
            let xs = (region.lowerBound - minX + margin)...(region.upperBound - maxX - margin)
            let ys = max(frameHeight * 0.3, -minY + margin)...(frameHeight - maxY - margin)
            guard xs.lowerBound < xs.upperBound, ys.lowerBound < ys.upperBound else { continue }
            let centre = FramePoint(x: g.double(in: xs), y: g.double(in: ys))
            projection = PlaneProjection(yaw: yaw, pitch: pitch, roll: roll, focal: focal, distance: distance, centre: centre)
            // The whole car drawing must be well in front of the camera.
            guard Self.carExtent(bodyWidth: bodyWidth, ground: ground).allSatisfy({
                projection.depth(x: $0.x, y: $0.y) > 0.2 * distance
            }) else { continue }
            let plate = g.chance(options.foreignShare)
                ? ForeignPlateMaker.random(using: &g)
                : GermanPlateMaker.random(using: &g)
            let holder = g.chance(0.5)
            return CarPlan(
                projection: projection, pixelsPerMillimetre: 1.2 * target / 520, bodyWidth: bodyWidth,
                plateHeight: ground, body: g.element(of: ScenePalette.carBodies).jittered(by: 10, using: &g),
                rearView: rearView, plateHolder: holder,
                holderText: holder && g.chance(0.5) ? g.element(of: ScenePalette.holderTexts) : nil,
                stickerText: nil, seed: g.next(), plate: plate, style: makeStyle(for: plate, &g)
            )
        }
        return nil
    }

    private func makeStyle(for plate: PlateSpec, _ g: inout SeededGenerator) -> PlateStyle {
        PlateStyle.randomized(for: plate, dirt: (0.3, 0.1...0.6), sheen: (0.3, 0.1...0.5), using: &g)
    }

    private func makeSign(background: BackgroundPlan, _ g: inout SeededGenerator) -> SignPlan {
        let width = Double(options.width), height = Double(options.height)
        let signWidth = width * g.double(in: 0.15...0.35)
        let signHeight = min(height * 0.2, signWidth * g.double(in: 0.15...0.3))
        let top = background.skyline * height, bottom = max(top + 1, background.horizon * height - signHeight)
        let colors = g.element(of: ScenePalette.signColors)
        return SignPlan(
            x: g.double(in: 0...(width - signWidth)), y: g.double(in: min(top, bottom)...bottom),
            width: signWidth, height: signHeight, board: colors.board, ink: colors.ink,
            text: g.element(of: ScenePalette.signTexts)
        )
    }

    private func makeDegradation(smallestPlate: Double, _ g: inout SeededGenerator) -> DegradationPlan {
        let width = Double(options.width), height = Double(options.height)
        let small = smallestPlate < 140
        var d = DegradationPlan(seed: g.next())
        d.illuminationStrength = g.double(in: 0...0.35)
        d.illuminationAngle = g.double(in: 0...(2 * Double.pi))
        if g.chance(0.3) {
            d.shadowStrength = g.double(in: 0.2...0.5)
            d.shadowX = g.double(in: 0...width)
            d.shadowY = g.double(in: 0...height)
            d.shadowAngle = g.double(in: 0...(2 * Double.pi))
            d.shadowSoftness = g.double(in: 5...60)
        }
        if g.chance(0.6) { d.gaussianSigma = g.double(in: 0.3...(small ? 0.9 : 1.6)) }
        if g.chance(0.25) {
            d.motionLength = g.double(in: 2...(small ? 4 : 8))
            d.motionAngle = g.double(in: -0.15...0.15)
        }
        let lowLight = g.chance(0.25)
        d.brightness = lowLight ? g.double(in: 0.35...0.75) : g.double(in: 0.9...1.1)
        d.gamma = lowLight ? g.double(in: 1.0...1.6) : g.double(in: 0.9...1.1)
        d.noiseSigma = g.double(in: 1.5...(lowLight ? 12 : 7))
        return d
    }
}
