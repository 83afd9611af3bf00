import Foundation

/// `groundtruth.csv`: one row per plate, `file,plate,country,x,y,w,h` (box in frame pixels), the
/// same columns as the real-photo sets so the same scorer reads both.
public enum GroundTruthCSV {
    public static let header = "file,plate,country,x,y,w,h"
    public static let fileName = "groundtruth.csv"

    /// The CSV text for `scenes`, header first, newline-terminated.
    public static func text(for scenes: [SceneTruth]) -> String {
        var lines = [header]
        for scene in scenes {
            for plate in scene.plates {
                let b = plate.box
                lines.append([field(scene.file), field(plate.text), field(plate.country),
                              String(b.x), String(b.y), String(b.width), String(b.height)].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the CSV for `scenes` to `path`.
    public static func write(_ scenes: [SceneTruth], toFile path: String) throws {
        do {
            try text(for: scenes).write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw SynthesisError(path: path, message: "cannot write the ground truth: \(error.localizedDescription)")
        }
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
