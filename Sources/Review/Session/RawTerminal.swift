import Foundation

/// The terminal in raw mode (no line buffering, no echo) for one-key decisions, restored on
/// every way out: ``restore()``, normal exit, and SIGINT/SIGTERM/SIGHUP (the signal handler
/// restores and exits with 128 + signal). Ctrl-C still works: signals stay on.
public final class RawTerminal: ReviewInput {
    /// The settings to restore; global because a signal handler cannot capture.
    nonisolated(unsafe) private static var saved: termios?
    private let descriptor: Int32
    private let output: (String) -> Void

    /// Raw mode on `descriptor`, or nil when it is not a terminal.
    public init?(descriptor: Int32 = STDIN_FILENO, output: @escaping (String) -> Void) {
        guard isatty(descriptor) != 0 else { return nil }
        var settings = termios()
        guard tcgetattr(descriptor, &settings) == 0 else { return nil }
        self.descriptor = descriptor
        self.output = output
        Self.saved = settings
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { number in
                RawTerminal.restoreSaved()
                _exit(128 + number)
            }
        }
        atexit { RawTerminal.restoreSaved() }
        enterRaw()
    }

    deinit { restore() }

    public func key() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = read(descriptor, &byte, 1)
            if count == 1 { return byte }
            if count < 0, errno == EINTR { continue }
            return nil
        }
    }

    /// A line typed in the terminal's normal mode (echo, editing with backspace).
    public func line(prompt: String) -> String? {
        restore()
        defer { enterRaw() }
        output(prompt)
        return readLine(strippingNewline: true)
    }

    /// Puts the terminal back as it was.
    public func restore() {
        Self.restoreSaved()
    }

    private func enterRaw() {
        guard var raw = Self.saved else { return }
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(descriptor, TCSAFLUSH, &raw)
    }

    private static func restoreSaved() {
        guard var settings = saved else { return }
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &settings)
    }
}
