import CSceneRender

/// Paints a ``ScenePlan`` through CSceneRender.
struct SceneRenderer {
    let font: RenderFont

    func render(_ plan: ScenePlan) throws -> RenderFrame {
        let frame = try RenderFrame(width: plan.width, height: plan.height)
        var background = CSceneRender_Background(
            seed: plan.background.seed, skyline: plan.background.skyline, horizon: plan.background.horizon,
            sky: plan.background.sky.c, wall: plan.background.wall.c, road: plan.background.road.c,
            windowDensity: plan.background.windowDensity, textureStrength: plan.background.textureStrength
        )
        try renderCall(path: nil) { CSceneRender_DrawBackground(frame.handle, &background, $0) }
        if let sign = plan.sign { try draw(sign, on: frame) }
        for car in plan.cars { try draw(car, on: frame) }
        if let d = plan.degradation {
            var degradation = CSceneRender_Degradation(
                seed: d.seed, illuminationStrength: d.illuminationStrength, illuminationAngle: d.illuminationAngle,
                shadowStrength: d.shadowStrength, shadowX: d.shadowX, shadowY: d.shadowY, shadowAngle: d.shadowAngle,
                shadowSoftness: d.shadowSoftness, gaussianSigma: d.gaussianSigma, motionLength: d.motionLength,
                motionAngle: d.motionAngle, brightness: d.brightness, gamma: d.gamma, noiseSigma: d.noiseSigma
            )
            try renderCall(path: nil) { CSceneRender_Degrade(frame.handle, &degradation, $0) }
        }
        return frame
    }

    /// The plate alone on a grey surround.
    func renderPlate(_ plate: PlateSpec, style: PlateStyle, pixelsPerMillimetre: Double) throws -> RenderFrame {
        var result: OpaquePointer?
        try withPlate(plate, style: style) { cPlate in
            try renderCall(path: nil) { CSceneRender_RenderPlate(font.handle, &cPlate, pixelsPerMillimetre, &result, $0) }
        }
        guard let result else { throw SynthesisError(message: "plate frame missing") }
        return RenderFrame(adopting: result)
    }

    private func draw(_ sign: SignPlan, on frame: RenderFrame) throws {
        try sign.text.withCString { text in
            var cSign = CSceneRender_Sign(
                x: sign.x, y: sign.y, width: sign.width, height: sign.height, board: sign.board.c, ink: sign.ink.c,
                text: text
            )
            try renderCall(path: nil) { CSceneRender_DrawSign(frame.handle, font.handle, &cSign, $0) }
        }
    }

    private func draw(_ car: CarPlan, on frame: RenderFrame) throws {
        let m = car.projection.matrix
        try withPlate(car.plate, style: car.style) { plate in
            try withOptionalCString(car.holderText) { holderText in
                try withOptionalCString(car.stickerText) { stickerText in
                    var cCar = CSceneRender_Car(
                        homography: (m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]),
                        pixelsPerMillimetre: car.pixelsPerMillimetre, bodyWidth: car.bodyWidth,
                        plateHeight: car.plateHeight, body: car.body.c, rearView: car.rearView ? 1 : 0,
                        plateHolder: car.plateHolder ? 1 : 0, holderText: holderText, stickerText: stickerText,
                        seed: car.seed, plate: plate
                    )
                    try renderCall(path: nil) { CSceneRender_DrawCar(frame.handle, font.handle, &cCar, $0) }
                }
            }
        }
    }

    private func withPlate(_ plate: PlateSpec, style: PlateStyle,
                           _ body: (inout CSceneRender_Plate) throws -> Void) throws {
        try plate.layout.withCString { layout in
            try plate.country.withCString { country in
                var cPlate = CSceneRender_Plate(
                    layout: layout, countryCode: country, background: style.background.c, ink: style.ink.c,
                    inspectionColor: style.inspectionColor.c, inspectionYear: Int32(style.inspectionYear),
                    inspectionMonth: Int32(style.inspectionMonth), stateSeal: Int32(style.stateSeal),
                    glyphWidth: style.glyphWidth, dirt: style.dirt, sheen: style.sheen, seed: style.seed
                )
                try body(&cPlate)
            }
        }
    }
}
