import Foundation

/// Accuracy and timing of a reader over a labelled set, scored like shared/tools/score_read.py.
struct ReadScore {
    private(set) var images = 0, top1 = 0, top3 = 0, splitExact = 0, splitLabelled = 0, errors = 0
    private(set) var milliseconds: [Double] = []
    private(set) var lastWasTop1 = false

    static func normalize(_ text: String) -> String {
        String(text.uppercased().filter { $0.isLetter || $0.isNumber })
    }

    mutating func add(_ report: ImageReport, truth: String) {
        images += 1
        lastWasTop1 = false
        if report.error != nil { errors += 1; return }
        if let ms = report.ms { milliseconds.append(ms) }
        guard let best = report.plates?.first else { return }
        let wanted = Self.normalize(truth)
        let candidates = [best.normalized] + best.alternatives.map { Self.normalize($0.text) }
        if Self.normalize(candidates[0]) == wanted { top1 += 1; lastWasTop1 = true }
        if candidates.prefix(3).map(Self.normalize).contains(wanted) { top3 += 1 }
        if truth.contains("-") {
            splitLabelled += 1
            if best.text == truth { splitExact += 1 }
        }
    }

    func summary(peakMemoryMB: Double?) -> String {
        func percent(_ count: Int, _ total: Int) -> String {
            total == 0 ? "n/a" : String(format: "%.1f%% (%d/%d)", 100 * Double(count) / Double(total), count, total)
        }
        let sorted = milliseconds.sorted()
        let median = sorted.isEmpty ? .nan : sorted[sorted.count / 2]
        let p95 = sorted.isEmpty ? .nan : sorted[Int(0.95 * Double(sorted.count - 1))]
        var line = "top1=\(percent(top1, images)) top3=\(percent(top3, images))"
        if splitLabelled > 0 { line += " split=\(percent(splitExact, splitLabelled))" }
        line += " n=\(images) errors=\(errors)" + String(format: " median_ms=%.1f p95_ms=%.1f", median, p95)
        if let peakMemoryMB { line += String(format: " peak_rss_mb=%.0f", peakMemoryMB) }
        return line
    }
}

enum ProcessMemory {
    /// Peak resident set size of this process (Linux: VmHWM), in MB.
    static func peakResidentMegabytes() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kilobytes / 1024
    }
}
