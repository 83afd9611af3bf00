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
            time per image, and peak resident memory; an image with several rows is scored \
            on its last, as shared/tools/score_read.py does. When the truth also has the \
            columns country,x,y,w,h (parkscan-synth writes them), every plate is scored \
            too, by the reading over it: German plates and foreign ones apart.
            """
    )

    @Argument(help: "Folder of images.")
    var folder: String

    @Option(help: "Ground truth CSV (default: FOLDER/groundtruth.csv).")
    var truth: String?

    @Flag(help: "List every image whose best reading is wrong, and every German plate not read exactly.")
    var verbose = false

    @OptionGroup var reader: ReaderOptions

    func run() throws {
        let truthPath = truth ?? folder + "/groundtruth.csv"
        let expected = try GroundTruth(contentsOf: truthPath)
        let plateReader = try reader.makeReader()
        var score = ReadScore()
        var plateScore = PlateScore()
        let platesByFile = Dictionary(grouping: expected.plates, by: \.file)
        for (file, plate) in expected.images {
            let report = Read.read(folder + "/" + file, with: plateReader)
            score.add(report, truth: plate)
            plateScore.add(report, truths: platesByFile[file] ?? [])
            if verbose, !score.lastWasTop1 {
                let got = report.error ?? report.plates?.first?.text ?? "(none)"
                print("  \(file): expected \(plate), read \(got)")
            }
        }
        if verbose, !plateScore.germanMisses.isEmpty {
            print("German plates not read exactly with their split:")
            for miss in plateScore.germanMisses { print("  \(miss)") }
        }
        print(score.summary(peakMemoryMB: ProcessMemory.peakResidentMegabytes()))
        if let plates = plateScore.summary { print(plates) }
    }
}
