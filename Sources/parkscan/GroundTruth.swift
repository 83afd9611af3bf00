import Foundation

/// A labelled image set's truth: `file,plate,...` rows (the first plate per file counts).
struct GroundTruth {
    var plates: [(file: String, plate: String)] = []

    init(contentsOf path: String) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CommandFailure("\(path): cannot read the ground truth file")
        }
        var seen = Set<String>()
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() where index > 0 {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 2, !fields[0].isEmpty else {
                throw CommandFailure("\(path):\(index + 1): expected file,plate,... but found \"\(line)\"")
            }
            let file = String(fields[0])
            if seen.insert(file).inserted { plates.append((file, String(fields[1]))) }
        }
        if plates.isEmpty { throw CommandFailure("\(path): no rows below the header") }
    }
}
