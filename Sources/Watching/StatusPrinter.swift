import Foundation

/// The live status on standard error: on a terminal one line redrawn in place (`\r`), else a
/// plain line every ``plainInterval`` seconds (a journal does not want a line per second).
public final class StatusPrinter: @unchecked Sendable {
    public let plainInterval: TimeInterval
    private let terminal = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()
    private var lastPlain = Date.distantPast
    private var shown = false

    public init(plainInterval: TimeInterval = 30) {
        self.plainInterval = plainInterval
    }

    public func show(_ status: WatchStatus) {
        lock.lock()
        defer { lock.unlock() }
        if terminal {
            write("\r\u{1B}[K" + status.line)
            shown = true
        } else if Date().timeIntervalSince(lastPlain) >= plainInterval {
            lastPlain = Date()
            write("watch: " + status.line + "\n")
        }
    }

    /// A log line, without garbling the status line.
    public func line(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        if shown { write("\r\u{1B}[K") }
        write(text + "\n")
        shown = false
    }

    /// Ends the status line (at exit).
    public func finish(_ status: WatchStatus) {
        lock.lock()
        defer { lock.unlock() }
        if shown { write("\r\u{1B}[K") }
        shown = false
        write("watch: " + status.line + "\n")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
