import PlateReading

/// Every labelled plate with a box, matched by place with the reads of its image: the plate
/// is read exactly when the likeliest reading over it (boxes overlapping by more than 0.3 of
/// their union) has its characters, and with its split when the written form is the truth's
/// too (`M-AB 1234`, not `MA-B 1234`). Unlike ``ReadScore`` (the best plate of each image
/// against one plate of its truth) this counts each plate of a frame with several, and keeps
/// German plates, the reader's target, apart from foreign ones.
struct PlateScore {
    struct Tally {
        var plates = 0, exact = 0, exactWithSplit = 0, notFound = 0
        /// Readings at ``PlateScore/sureConfidence`` or more, and how many of them were wrong
        /// (German plates: characters or split; foreign ones: characters): the errors that
        /// fine the wrong person.
        var sure = 0, sureWrong = 0
    }

    private(set) var german = Tally(), foreign = Tally()
    /// The German plates not read exactly with their split, for `--verbose`.
    private(set) var germanMisses: [String] = []

    /// Overlap a reading's box needs with a plate's to be its reading.
    static let minimumOverlap = 0.3
    /// A reading this confident that is wrong is the worst error.
    static let sureConfidence = 0.8

    mutating func add(_ report: ImageReport, truths: [GroundTruth.Plate]) {
        for truth in truths {
            guard let box = truth.box else { continue }
            let read = report.plates?.first { reading in
                reading.box.count == 4
                    && PixelBox(x: reading.box[0], y: reading.box[1], width: reading.box[2], height: reading.box[3])
                        .overlap(with: box) > Self.minimumOverlap
            }
            let exact = read.map { ReadScore.normalize($0.normalized) == ReadScore.normalize(truth.text) } ?? false
            let withSplit = exact && read?.text == truth.text
            let sure = (read?.confidence ?? 0) >= Self.sureConfidence
            if truth.isGerman {
                german.count(found: read != nil, exact: exact, withSplit: withSplit, sure: sure, right: withSplit)
                if !withSplit { germanMisses.append("\(truth.file): \(truth.text) read as \(read?.text ?? "(nothing there)")") }
            } else {
                foreign.count(found: read != nil, exact: exact, withSplit: withSplit, sure: sure, right: exact)
            }
        }
    }

    /// One line per kind of plate; nil when no plate of the truth has a box.
    var summary: String? {
        guard german.plates + foreign.plates > 0 else { return nil }
        func line(_ name: String, _ tally: Tally, withSplit: Bool) -> String {
            func percent(_ count: Int) -> String {
                String(format: "%.1f%% (%d/%d)", 100 * Double(count) / Double(tally.plates), count, tally.plates)
            }
            let split = withSplit ? "exact with split \(percent(tally.exactWithSplit)), " : ""
            return "\(name) plates: \(split)exact \(percent(tally.exact)), nothing read there \(tally.notFound), "
                + "wrong at confidence >= \(Self.sureConfidence) \(tally.sureWrong) of \(tally.sure)"
        }
        // A foreign truth's written form is the labeller's, not a layout's: characters only.
        return [german.plates > 0 ? line("German", german, withSplit: true) : nil,
                foreign.plates > 0 ? line("foreign", foreign, withSplit: false) : nil]
            .compactMap { $0 }.joined(separator: "\n")
    }
}

extension PlateScore.Tally {
    mutating func count(found: Bool, exact: Bool, withSplit: Bool, sure: Bool, right: Bool) {
        plates += 1
        if sure { self.sure += 1 }
        if sure && !right { sureWrong += 1 }
        if !found { notFound += 1 }
        if exact { self.exact += 1 }
        if withSplit { exactWithSplit += 1 }
    }
}
