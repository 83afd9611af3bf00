import Foundation

/// Numbers as DATEX II writes them: `xs:float` without exponent.
enum DatexNumber {
    /// `value` with at most `decimals` decimals, trailing zeros dropped (`86.7`, `100`).
    static func decimal(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// A coordinate in degrees with 7 decimals (about 1 cm).
    static func coordinate(_ degrees: Double) -> String {
        String(format: "%.7f", degrees)
    }
}
