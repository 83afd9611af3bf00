/// The street behind the cars: sky, a facade and the road.
struct BackgroundPlan: Sendable, Hashable {
    var seed: UInt64
    /// Fractions of the frame height: sky above `skyline`, facade down to `horizon`, road below.
    var skyline: Double
    var horizon: Double
    var sky: RGB
    var wall: RGB
    var road: RGB
    var windowDensity: Double
    var textureStrength: Double
}
