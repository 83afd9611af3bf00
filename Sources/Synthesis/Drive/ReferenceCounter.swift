/// Numbers the rights' references per prefix: `P-0001`, `S-0001`, `X-0001`.
struct ReferenceCounter {
    private var counts: [String: Int] = [:]

    mutating func next(_ prefix: String) -> String {
        let number = (counts[prefix] ?? 0) + 1
        counts[prefix] = number
        let digits = String(number)
        return prefix + "-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
