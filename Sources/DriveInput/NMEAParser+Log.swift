import Foundation

extension NMEAParser {
    /// Reads an NMEA log file. See ``log(from:file:)``.
    /// - Throws: ``DriveInputError`` when the file is missing or unreadable; bad lines are
    ///   issues in the result, not errors.
    public static func log(contentsOf path: String) throws(DriveInputError) -> GPSLog {
        log(from: try readFile(path), file: path)
    }

    /// Turns the lines of an NMEA log into fixes.
    ///
    /// - Valid RMC sentences (status A) and GGA sentences with a fix (quality ≠ 0) give fixes;
    ///   void RMC (status V) and quality-0 GGA give none, silently.
    /// - **GGA has no date.** Each GGA time of day is dated from the RMC sentence nearest to
    ///   it in the file (by line, either direction; void RMC count when they carry a date),
    ///   taking the day that puts the GGA closest to that RMC's time, so a log that runs over
    ///   midnight UTC dates correctly. Without any dated RMC in the file the GGA fixes are
    ///   skipped with one issue.
    /// - RMC and GGA of the same moment (a receiver sends both every epoch) are merged into
    ///   one fix: the position of whichever comes first, RMC's speed and course, GGA's
    ///   altitude, satellites and HDOP.
    /// - Lines that cannot be used become issues: `file:line: what is wrong; skipped`.
    ///
    /// - Parameters:
    ///   - data: the file's bytes (any bytes; lines split at LF, CR LF accepted).
    ///   - file: the name used in issues.
    public static func log(from data: Data, file: String) -> GPSLog {
        var issues: [DriveInputIssue] = []
        var sentences: [(line: Int, sentence: NMEASentence)] = []
        for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            do {
                if let sentence = try sentence(bytes: Array(line)) {
                    sentences.append((index + 1, sentence))
                }
            } catch {
                issues.append(DriveInputIssue(file: file, line: index + 1, message: error.message + "; skipped"))
            }
        }

        let datedLines: [(line: Int, time: Date)] = sentences.compactMap { entry in
            guard case .rmc(let rmc) = entry.sentence, let time = rmc.time else { return nil }
            return (entry.line, time)
        }
        var fixes = FixMerger()
        var undatedGGA = 0
        for (line, sentence) in sentences {
            switch sentence {
            case .rmc(let rmc):
                guard rmc.isValid, let time = rmc.time, let location = rmc.location else { continue }
                fixes.add(GPSFix(
                    time: time, location: location,
                    speed: rmc.speedKnots.map { $0 * NMEASentence.RecommendedMinimum.metresPerSecondPerKnot },
                    course: rmc.course
                ))
            case .gga(let gga):
                guard gga.hasFix, let location = gga.location, let seconds = gga.secondsOfDay else { continue }
                guard let reference = nearest(to: line, in: datedLines) else {
                    undatedGGA += 1
                    continue
                }
                fixes.add(GPSFix(
                    time: dated(secondsOfDay: seconds, near: reference), location: location,
                    altitude: gga.altitude, satellites: gga.satellites, horizontalDilution: gga.horizontalDilution
                ))
            }
        }
        if undatedGGA > 0 {
            issues.append(DriveInputIssue(
                file: file,
                message: "\(undatedGGA) GGA fixes have no date (no RMC sentence with a date in the file); skipped"
            ))
        }
        return GPSLog(fixes: fixes.fixes, issues: issues)
    }

    /// The time of the dated line nearest to `line` (the earlier one on a tie).
    private static func nearest(to line: Int, in dated: [(line: Int, time: Date)]) -> Date? {
        guard !dated.isEmpty else { return nil }
        var low = 0, high = dated.count
        while low < high {
            let middle = (low + high) / 2
            if dated[middle].line < line { low = middle + 1 } else { high = middle }
        }
        if low == dated.count { return dated[low - 1].time }
        if low == 0 { return dated[0].time }
        let before = dated[low - 1], after = dated[low]
        return line - before.line <= after.line - line ? before.time : after.time
    }

    /// `secondsOfDay` on the UTC day (yesterday, today or tomorrow of `reference`) that puts
    /// it nearest to `reference`.
    static func dated(secondsOfDay: Double, near reference: Date) -> Date {
        var time = UTCTime.startOfDay(reference).addingTimeInterval(secondsOfDay)
        let difference = time.timeIntervalSince(reference)
        if difference > 43_200 { time.addTimeInterval(-86_400) } else if difference < -43_200 { time.addTimeInterval(86_400) }
        return time
    }
}

/// Collects fixes in order, merging those of the same moment.
private struct FixMerger {
    var fixes: [GPSFix] = []
    private var indexByTime: [Date: Int] = [:]

    mutating func add(_ fix: GPSFix) {
        guard let index = indexByTime[fix.time] else {
            indexByTime[fix.time] = fixes.count
            fixes.append(fix)
            return
        }
        var merged = fixes[index]
        merged.altitude = merged.altitude ?? fix.altitude
        merged.speed = merged.speed ?? fix.speed
        merged.course = merged.course ?? fix.course
        merged.satellites = merged.satellites ?? fix.satellites
        merged.horizontalDilution = merged.horizontalDilution ?? fix.horizontalDilution
        fixes[index] = merged
    }
}

/// The bytes of a file, or an error naming it.
func readFile(_ path: String) throws(DriveInputError) -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw DriveInputError(code: .fileMissing, message: "no such file", path: path)
    }
    guard !isDirectory.boolValue else {
        throw DriveInputError(code: .fileUnreadable, message: "is a folder, not a file", path: path)
    }
    do {
        return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        throw DriveInputError(code: .fileUnreadable, message: "cannot be read (\(error.localizedDescription))", path: path)
    }
}
