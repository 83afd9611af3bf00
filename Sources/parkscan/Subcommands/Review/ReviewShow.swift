import ArgumentParser
import Foundation
import Review

/// `parkscan review show ID`: everything about one case, with previews of its photos in a
/// terminal with 24-bit colour.
struct ReviewShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one case: facts, sightings, evidence files (hash-checked), photos, audit.")

    @OptionGroup var options: ReviewOptions

    @Argument(help: "The case id.")
    var id: String

    @Flag(help: "One JSON object.")
    var json = false

    @Flag(inversion: .prefixedNo, help: "Draw the photos as 24-bit colour blocks (default: when the terminal says COLORTERM=truecolor).")
    var colour: Bool?

    func run() throws {
        let id = try caseId(id)
        let store = try options.open()
        let dossier = try reporting { try CaseDossier.load(id, location: options.location, from: store.writer) }
        if json {
            print(try CaseJSON.line(CaseJSON.dossier(dossier)))
        } else {
            let card = CaseCard(dossier: dossier, colour: TerminalPreview.colourWanted(forced: colour), full: true)
            for line in card.lines { print(line) }
        }
        if !dossier.evidenceProblems.isEmpty {
            for problem in dossier.evidenceProblems { FileHandle.standardError.write(Data("case \(id): \(problem)\n".utf8)) }
            throw ExitCode(2)
        }
    }
}
