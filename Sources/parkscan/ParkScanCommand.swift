import ArgumentParser

@main
struct ParkScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parkscan",
        abstract: "Automated parking enforcement: read plates, check rights, raise cases for review.",
        subcommands: [Read.self, Scan.self, Cases.self, ReviewCommand.self, Purge.self, Bench.self, Rights.self, Watch.self, Occupancy.self, Serve.self]
    )
}
