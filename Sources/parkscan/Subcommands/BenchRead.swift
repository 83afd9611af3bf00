import ArgumentParser
import Foundation
import PlateReading

/// `parkscan bench read DIR`: the reader's accuracy and speed against a ground truth.
struct BenchRead: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read every image of a labelled folder and score the best plate against the truth.",
        discussion: """
            The truth is a CSV with the columns file,plate (more may follow). A plate written \
            with its split (M-AB 1234) is also scored on the split. Prints top-1 and top-3 \
            exact rates on the normalised text, the split rate, median and 95th percentile \
            time per image, and peak resident memory.
            """
    )

    @Argument(help: "Folder of images.")
    var folder: String

    @Option(help: "Ground truth CSV (default: FOLDER/groundtruth.csv).")
    var truth: String?

    @Flag(help: "List every image whose best reading is wrong.")
    var verbose = false

    @OptionGroup var reader: ReaderOptions

    func run() throws {
        let truthPath = truth ?? folder + "/groundtruth.csv"
        let expected = try GroundTruth(contentsOf: truthPath)
        let plateReader = try reader.makeReader()
        var score = ReadScore()
        for (file, plate) in expected.plates {
            let report = Read.read(folder + "/" + file, with: plateReader)
            score.add(report, truth: plate)
            if verbose, !score.lastWasTop1 {
                let got = report.error ?? report.plates?.first?.text ?? "(none)"
                print("  \(file): expected \(plate), read \(got)")
            }
        }
        print(score.summary(peakMemoryMB: ProcessMemory.peakResidentMegabytes()))
    }
}
