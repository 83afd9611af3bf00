import ArgumentParser
import Foundation
import PlateReading

/// `parkscan read [--json] PATH...`: the plates in image files or folders of images.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read the licence plates in camera images.",
        discussion: """
            Prints one line per plate (with --json: one JSON object per image). Unreadable \
            files are reported and skipped; the exit status is 1 if any file failed.
            """
    )

    @Flag(help: "One JSON object per image per line.")
    var json = false

    @Flag(help: "Also show the OCR's characters with their alternatives and gaps (for diagnosing misreads).")
    var symbols = false

    @OptionGroup var reader: ReaderOptions

    @Argument(help: "Image files (JPEG, PNG) or folders of them.")
    var paths: [String]

    func run() throws {
        let files = try ImagePaths.expand(paths)
        let plateReader = try reader.makeReader()
        var failures = 0
        for file in files {
            let report = Self.read(file, with: plateReader, withSymbols: symbols)
            if report.error != nil { failures += 1 }
            if json {
                print(report.jsonLine)
            } else {
                report.tableRows.forEach { print($0) }
            }
        }
        if failures > 0 {
            FileHandle.standardError.write(Data("parkscan: \(failures) of \(files.count) files could not be read\n".utf8))
            throw ExitCode(1)
        }
    }

    static func read(_ file: String, with reader: PlateReader, withSymbols: Bool = false) -> ImageReport {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let reads = try reader.read(contentsOf: file)
            let elapsed = start.duration(to: clock.now)
            return ImageReport(file: file, reads: reads, milliseconds: elapsed.milliseconds, withSymbols: withSymbols)
        } catch {
            return ImageReport(file: file, error: error.message)
        }
    }
}

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
