/// What the camera does to the frame (see `CSceneRender_Degradation`).
struct DegradationPlan: Sendable, Hashable {
    var seed: UInt64
    var illuminationStrength = 0.0
    var illuminationAngle = 0.0
    var shadowStrength = 0.0
    var shadowX = 0.0
    var shadowY = 0.0
    var shadowAngle = 0.0
    var shadowSoftness = 1.0
    var gaussianSigma = 0.0
    var motionLength = 0.0
    var motionAngle = 0.0
    var brightness = 1.0
    var gamma = 1.0
    var noiseSigma = 0.0
}
