import Foundation

/// Who takes a decision: the name given with `--reviewer`, else the logged-in OS user.
public enum Reviewer {
    /// `name` when given (trimmed, not empty), else the OS user (`USER`/`LOGNAME`, else the
    /// password entry of the effective user id).
    public static func resolve(_ name: String?) throws(ReviewError) -> String {
        if let name {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, trimmed.count <= 64, !trimmed.contains(where: \.isNewline) else {
                throw ReviewError(.invalidInput, "--reviewer must be a name of 1-64 characters on one line")
            }
            return trimmed
        }
        let environment = ProcessInfo.processInfo.environment
        for key in ["USER", "LOGNAME"] {
            if let user = environment[key], !user.isEmpty { return user }
        }
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid-\(geteuid())"
    }
}
