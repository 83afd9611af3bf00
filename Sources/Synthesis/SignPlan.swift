/// A board with text in the background: something a plate reader must not read as a plate.
struct SignPlan: Sendable, Hashable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double
    var board: RGB
    var ink: RGB
    var text: String
}
