import Foundation
import GRDB

/// `parkscan review next`: walks the pending cases, oldest first, one key per decision.
///
/// Keys: c confirm, r reject (then 1-7 for the reason; "other" asks for a note), p correct
/// the plate (a line), s skip (for this session), q quit. Every decision names the revision
/// the reviewer saw, so a case another reviewer decided meanwhile gives a conflict message
/// instead of a second decision.
public final class ReviewSession {
    public struct Tally: Sendable, Equatable {
        public var confirmed = 0, rejected = 0, corrected = 0, skipped = 0, failed = 0
    }

    private let desk: ReviewDesk
    private let recheck: () throws -> PlateRecheck
    private let location: EvidenceLocation
    private let zone: String?
    private let colour: Bool
    private let input: any ReviewInput
    private let output: (String) -> Void
    private var skipped: Set<Int64> = []
    public private(set) var tally = Tally()

    public init(desk: ReviewDesk, recheck: @escaping () throws -> PlateRecheck, location: EvidenceLocation, zone: String?,
                colour: Bool, input: any ReviewInput, output: @escaping (String) -> Void) {
        self.desk = desk
        self.recheck = recheck
        self.location = location
        self.zone = zone
        self.colour = colour
        self.input = input
        self.output = output
    }

    public func run() throws {
        while let (dossier, remaining) = try nextCase() {
            say("")
            say("── \(remaining) pending case(s) left ──")
            for line in CaseCard(dossier: dossier, colour: colour, full: false).lines { say(line) }
            guard try decide(dossier) else { break }
        }
        say("Session: \(tally.confirmed) confirmed, \(tally.rejected) rejected, \(tally.corrected) corrected, "
            + "\(tally.skipped) skipped, \(tally.failed) not recorded")
    }

    /// The oldest pending case not skipped, and how many such are left; nil when none.
    private func nextCase() throws -> (CaseDossier, Int)? {
        let ids = try desk.database.writer.read { db in
            try CaseFilter(status: .pendingReview, zone: zone).summaries(in: db).map(\.case.id)
        }.filter { !skipped.contains($0) }
        guard let id = ids.first else {
            say("No more pending cases.")
            return nil
        }
        return (try CaseDossier.load(id, location: location, from: desk.database.writer), ids.count)
    }

    /// Takes one decision (or a skip) on the case; false when the reviewer quits.
    private func decide(_ dossier: CaseDossier) throws -> Bool {
        let id = dossier.case.id
        let revision = dossier.case.revision
        while true {
            say("[c] confirm  [r] reject  [p] correct plate  [s] skip  [q] quit")
            guard let key = input.key() else { return false }
            do {
                switch Character(UnicodeScalar(key)) {
                case "c":
                    try desk.confirm(id, seenRevision: revision)
                    tally.confirmed += 1
                    say("case \(id) confirmed")
                case "r":
                    guard let reason = askReason() else { say("rejection cancelled"); continue }
                    var note: String?
                    if reason == .other {
                        guard let text = input.line(prompt: "note (why): "), !text.isEmpty else { say("rejection cancelled"); continue }
                        note = text
                    }
                    try desk.reject(id, reason: reason, note: note, seenRevision: revision)
                    tally.rejected += 1
                    say("case \(id) rejected: \(reason.label)")
                case "p":
                    guard let plate = input.line(prompt: "corrected plate (e.g. M-AB 1234): "), !plate.isEmpty else {
                        say("correction cancelled"); continue
                    }
                    let country = input.line(prompt: "country (Enter for D): ").flatMap { $0.isEmpty ? nil : $0 }
                    let updated = try desk.correct(id, plate: plate, country: country, recheck: recheck(), seenRevision: revision)
                    tally.corrected += 1
                    if updated.caseStatus == .rejected {
                        say("case \(id) corrected to \(updated.plate) and rejected: \(updated.reviewNote ?? "")")
                    } else {
                        say("case \(id) corrected to \(updated.plate); it stays pending and comes again")
                    }
                case "s":
                    skipped.insert(id)
                    tally.skipped += 1
                    say("case \(id) skipped")
                case "q":
                    return false
                default:
                    say("key \(Self.printable(key)) does nothing here")
                    continue
                }
            } catch let error as ReviewError {
                tally.failed += 1
                say("! \(error.message)")
            }
            return true
        }
    }

    private func askReason() -> RejectionReason? {
        say("reason: " + RejectionReason.allCases.enumerated().map { "[\($0.offset + 1)] \($0.element.label)" }.joined(separator: "  ")
            + "  [Esc] cancel")
        while let key = input.key() {
            if key == 27 { return nil }
            if let digit = Int(String(UnicodeScalar(key))), let reason = RejectionReason(menuDigit: digit) { return reason }
            say("press 1-\(RejectionReason.allCases.count), or Esc")
        }
        return nil
    }

    private func say(_ line: String) { output(line + "\n") }

    private static func printable(_ key: UInt8) -> String {
        (32..<127).contains(key) ? "\"\(Character(UnicodeScalar(key)))\"" : String(format: "0x%02x", key)
    }
}
