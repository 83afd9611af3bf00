import Foundation
import PlateReading

/// A labelled image set's truth: a CSV with a header and one row per plate, `file,plate`
/// and optionally `country,x,y,w,h` (the plate's box in the image); more columns may follow.
/// A frame may hold several plates.
struct GroundTruth {
    struct Plate {
        var file: String
        var text: String
        /// The country code as on the EU band, when the truth has the column.
        var country: String?
        /// The plate's box in the image, when the truth has the columns.
        var box: PixelBox?

        var isGerman: Bool { country == "D" }
    }

    private(set) var plates: [Plate] = []

    init(contentsOf path: String) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CommandFailure("\(path): cannot read the ground truth file")
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let header = lines.first else { throw CommandFailure("\(path): the file is empty") }
        let columns = header.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ name: String) -> Int? { columns.firstIndex(of: name) }
        let fileColumn = column("file") ?? 0, plateColumn = column("plate") ?? 1
        let countryColumn = column("country")
        let boxColumns = ["x", "y", "w", "h"].compactMap(column)
        for (index, line) in lines.enumerated().dropFirst() where !line.allSatisfy(\.isWhitespace) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let place = "\(path):\(index + 1)"
            guard fields.count > max(fileColumn, plateColumn), !fields[fileColumn].isEmpty else {
                throw CommandFailure("\(place): expected file,plate,... but found \"\(line)\"")
            }
            var plate = Plate(file: fields[fileColumn], text: fields[plateColumn])
            if let countryColumn, countryColumn < fields.count, !fields[countryColumn].isEmpty {
                plate.country = fields[countryColumn]
            }
            if boxColumns.count == 4 {
                let box = boxColumns.map { $0 < fields.count ? Int(fields[$0]) : nil }
                guard box.allSatisfy({ $0 != nil }), box[2]! > 0, box[3]! > 0 else {
                    throw CommandFailure("\(place): x,y,w,h must be whole numbers with w and h above 0, found \"\(line)\"")
                }
                plate.box = PixelBox(x: box[0]!, y: box[1]!, width: box[2]!, height: box[3]!)
            }
            plates.append(plate)
        }
        if plates.isEmpty { throw CommandFailure("\(path): no rows below the header") }
    }

    /// Each image once, in the file's order, with the plate its best reading is scored
    /// against: its last row, as `shared/tools/score_read.py` scores it.
    var images: [(file: String, plate: String)] {
        var order: [String] = []
        var last: [String: String] = [:]
        for plate in plates {
            if last.updateValue(plate.text, forKey: plate.file) == nil { order.append(plate.file) }
        }
        return order.map { ($0, last[$0]!) }
    }
}
