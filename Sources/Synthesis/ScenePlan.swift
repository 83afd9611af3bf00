/// Everything about one synthetic frame, decided before anything is drawn.
struct ScenePlan: Sendable, Hashable {
    var width: Int
    var height: Int
    var background: BackgroundPlan
    var sign: SignPlan?
    /// Cars in drawing order (farther first).
    var cars: [CarPlan]
    var degradation: DegradationPlan?
    var jpegQuality: Int
}
