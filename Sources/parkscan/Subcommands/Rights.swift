import ArgumentParser

/// `parkscan rights ...`: the parking rights store (resident permits, paid sessions,
/// exemptions).
struct Rights: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the parking rights the rules check plates against.",
        subcommands: [RightsImport.self]
    )
}
