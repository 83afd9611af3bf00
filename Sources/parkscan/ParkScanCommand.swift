import ArgumentParser

@main
struct ParkScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parkscan",
        abstract: "Automated parking enforcement: read plates, check rights, raise cases for review.",
        subcommands: [Read.self, Scan.self, Cases.self, Bench.self, Rights.self]
    )
}
