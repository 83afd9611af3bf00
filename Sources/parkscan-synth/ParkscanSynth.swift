import ArgumentParser

/// `parkscan-synth`: synthetic camera frames with licence plates and their ground truth.
struct ParkscanSynth: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parkscan-synth",
        abstract: "Renders synthetic camera frames with German (and some foreign EU) licence plates.",
        subcommands: [PlatesCommand.self, PlateCommand.self, LinesCommand.self, GlyphsCommand.self, DriveCommand.self, VideoCommand.self]
    )
}
