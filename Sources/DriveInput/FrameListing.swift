import Foundation

/// Finds a camera's frames and their times in its folder (see README-drive-format.md):
/// from `frames.csv` when there is one, else from file names that are UTC milliseconds
/// since the epoch.
enum FrameListing {
    static let indexFileName = "frames.csv"
    static let imageExtensions: Set<String> = ["jpg", "jpeg", "png"]

    static func frames(
        of camera: DriveManifest.Camera, in folder: String
    ) throws(DriveInputError) -> (frames: [DriveFrame], issues: [DriveInputIssue]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DriveInputError(
                code: .fileMissing,
                message: "no such folder; camera \"\(camera.mount.name)\" expects its frames here", path: folder
            )
        }
        let index = join(folder, indexFileName)
        var (frames, issues) = try FileManager.default.fileExists(atPath: index)
            ? fromIndex(index, folder: folder, camera: camera)
            : fromFileNames(folder, camera: camera)
        if frames.isEmpty {
            issues.append(DriveInputIssue(file: folder, message: "camera \"\(camera.mount.name)\" has no frames"))
        }
        frames.sort { ($0.time, $0.path) < ($1.time, $1.path) }
        return (frames, issues)
    }

    /// `frames.csv`: a header `file,time`, then one line per frame; further columns ignored.
    private static func fromIndex(
        _ index: String, folder: String, camera: DriveManifest.Camera
    ) throws(DriveInputError) -> ([DriveFrame], [DriveInputIssue]) {
        let text = String(decoding: try readFile(index), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0].removeFirst() }
        let header = lines.first?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? []
        guard header.starts(with: ["file", "time"]) else {
            throw DriveInputError(
                code: .invalidDriveDescription,
                message: "the first line must be the header \"file,time\" (found \"\(lines.first?.prefix(60) ?? "")\")",
                path: index, line: 1
            )
        }
        var frames: [DriveFrame] = []
        var issues: [DriveInputIssue] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            func skip(_ message: String) {
                issues.append(DriveInputIssue(file: index, line: offset + 1, message: message + "; skipped"))
            }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard fields.count >= 2, !fields[0].isEmpty else {
                skip("expected \"file,time\", found \"\(line.prefix(60))\"")
                continue
            }
            guard let time = UTCTime.parseISO8601(fields[1]) else {
                skip("time \"\(fields[1].prefix(40))\" is not ISO 8601 with a zone (e.g. 2024-11-26T09:12:25.123+01:00)")
                continue
            }
            let path = join(folder, fields[0])
            guard FileManager.default.fileExists(atPath: path) else {
                skip("frame file \"\(fields[0])\" does not exist")
                continue
            }
            frames.append(DriveFrame(camera: camera.mount.name, time: time.addingTimeInterval(camera.clockOffset), path: path))
        }
        return (frames, issues)
    }

    /// Image files named `<UTC milliseconds since 1970, 13 digits>.jpg` (or `.jpeg`, `.png`).
    private static func fromFileNames(
        _ folder: String, camera: DriveManifest.Camera
    ) throws(DriveInputError) -> ([DriveFrame], [DriveInputIssue]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw DriveInputError(code: .fileUnreadable, message: "cannot list the folder (\(error.localizedDescription))", path: folder)
        }
        var frames: [DriveFrame] = []
        var issues: [DriveInputIssue] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let fileExtension = (name as NSString).pathExtension.lowercased()
            guard imageExtensions.contains(fileExtension) else { continue }
            let stem = (name as NSString).deletingPathExtension
            let path = join(folder, name)
            guard let milliseconds = millisecondsSinceEpoch(stem) else {
                issues.append(DriveInputIssue(
                    file: path,
                    message: "file name is not UTC milliseconds since 1970 (e.g. 1732612345123.jpg) and the folder has no \(indexFileName); skipped"
                ))
                continue
            }
            let time = Date(timeIntervalSince1970: Double(milliseconds) / 1000 + camera.clockOffset)
            frames.append(DriveFrame(camera: camera.mount.name, time: time, path: path))
        }
        return (frames, issues)
    }

    /// Exactly 13 digits: milliseconds between 2001-09-09 and 2286-11-20. Fewer digits are
    /// more likely seconds or a frame counter than an early date, so they are refused.
    static func millisecondsSinceEpoch(_ stem: String) -> Int64? {
        guard stem.utf8.count == 13, stem.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int64(stem)
    }
}

/// `folder/name`.
func join(_ folder: String, _ name: String) -> String {
    (folder as NSString).appendingPathComponent(name)
}
