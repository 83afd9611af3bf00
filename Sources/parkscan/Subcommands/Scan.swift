import ArgumentParser
import DriveInput
import Enforcement
import Foundation
import Scanning

/// `parkscan scan DRIVE`: reads a recorded drive and writes pending sightings, cases with
/// evidence and occupancy to the database. The work is in `Scanning.ScanPipeline`.
struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan a recorded drive: suspected violations with evidence, and occupancy.",
        discussion: """
            Reads every frame of the drive (two reader threads), tracks each plate over its \
            frames, places the car in its zone and checks it against the rights in the \
            database (import them first with `parkscan rights import`). A car without a right \
            is kept as a pending sighting (keyed hash, encrypted) until a later pass confirms \
            it; then a case for review is raised, with overview and plate photos (faces \
            pixelated) and their SHA-256. Compliant plates are never written anywhere.

            Interrupted (Ctrl-C, kill), the same command goes on where the last finished pass \
            ended, with the same final result. See docs/scan.md.
            """
    )

    @Argument(help: "The drive folder (drive.json, GPS log, frames/).")
    var drive: String

    @OptionGroup var options: ScanOptions

    func run() throws {
        let zoneMap = try options.zoneMap() // first: an invalid map stops the scan before any work
        let folder: DriveFolder
        do { folder = try DriveFolder(path: drive) } catch { throw CommandFailure(error.description) }
        let log = ScanLog()
        for issue in folder.issues { log.line("skipped: \(issue)") }
        let store = try ParkScanDatabase(path: options.database)
        let pipeline = ScanPipeline(drive: folder, zones: zoneMap, database: store, rights: RightsStore(database: store),
                                    evidenceFolder: options.evidence, settings: options.settings)
        pipeline.log = { log.line($0) }
        pipeline.progress = { log.progress($0) }
        let summary: ScanSummary
        do { summary = try pipeline.run() } catch { throw CommandFailure("\(drive): \(error)") }
        log.finish()
        // Evidence paths are relative to this folder: the review finds them through it.
        try store.writer.write { db in
            try db.execute(sql: "UPDATE scanRun SET evidenceFolder = ? WHERE id = ?",
                           arguments: [URL(fileURLWithPath: options.evidence).standardizedFileURL.path, summary.run.id])
        }
        print(ScanReport(summary: summary).text)
        if summary.run.unreadableFrames > 0 { throw ExitCode(1) }
    }
}

/// Progress on a terminal (a bar with frames/s and ETA on standard error), plain lines
/// otherwise (every 10 %).
final class ScanLog: @unchecked Sendable {
    private let terminal = isatty(STDERR_FILENO) != 0
    private var lastDraw = Date.distantPast
    private var lastDecile = -1
    private var barShown = false

    func line(_ text: String) {
        clearBar()
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    func progress(_ progress: ScanProgress) {
        let fraction = Double(progress.framesDone) / Double(max(1, progress.frameCount))
        let eta = progress.estimatedRemaining.map { String(format: "%.0f s", $0) } ?? "?"
        let rate = String(format: "%.1f frames/s", progress.framesPerSecond)
        if terminal {
            guard Date().timeIntervalSince(lastDraw) > 0.2 || progress.framesDone == progress.frameCount else { return }
            lastDraw = Date()
            let width = 30, filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(progress.framesDone)/\(progress.frameCount) \(rate) ETA \(eta)   ".utf8))
            barShown = true
        } else {
            let decile = Int(fraction * 10)
            guard decile > lastDecile else { return }
            lastDecile = decile
            line("scan: \(progress.framesDone)/\(progress.frameCount) frames, \(rate), ETA \(eta)")
        }
    }

    func finish() { clearBar() }

    private func clearBar() {
        if barShown {
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            barShown = false
        }
    }
}

/// The summary table printed at the end of a scan.
struct ScanReport {
    let summary: ScanSummary

    var text: String {
        let run = summary.run
        var lines = [
            "frames        \(run.framesRead) read, \(run.unreadableFrames) unreadable"
                + String(format: " (this run: %d in %.1f s, %.1f frames/s, peak %d MB)", summary.framesThisRun,
                         summary.elapsed, summary.framesPerSecond, summary.peakResidentBytes >> 20),
            "passes        \(run.passCount)",
            "sightings     \(run.sightings)",
            "compliant     \(run.compliant)",
            "pending       \(run.pending)",
            "cases         \(run.cases)",
            "unread        \(run.unread)",
            "unlocated     \(run.unlocated)",
            "not enforced  \(run.notEnforced)",
            "",
            "pass  zone          vehicles  capacity  occupancy  resident  paid  exempt  suspected  unread  unchecked  mean dwell",
        ]
        for row in summary.occupancy {
            let dwell = row.meanDwell.map { String(format: "%.0f min", $0 / 60) } ?? "-"
            let zone = row.zone.padding(toLength: max(12, row.zone.count), withPad: " ", startingAt: 0)
            lines.append(String(format: "%4d  ", row.pass ?? 0) + zone
                + String(format: " %9d %9d %9.0f %% %9d %5d %7d %10d %7d %10d  ", row.vehicles, row.capacity, row.occupancyPercent,
                         row.resident, row.paid, row.exempt, row.suspected, row.unread, row.unchecked) + dwell)
        }
        return lines.joined(separator: "\n")
    }
}
