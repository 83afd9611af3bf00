import ArgumentParser

/// `parkscan bench ...`: measurements of the system's parts.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure accuracy, speed and memory on a labelled data set.",
        subcommands: [BenchRead.self, BenchScan.self]
    )
}
