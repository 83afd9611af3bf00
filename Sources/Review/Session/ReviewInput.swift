import Foundation

/// Where `parkscan review next` gets its keys and lines from.
public protocol ReviewInput: AnyObject {
    /// The next key pressed (one byte), nil at end of input.
    func key() -> UInt8?
    /// A line typed after `prompt` (without its newline), nil at end of input.
    func line(prompt: String) -> String?
}

/// Keys from a file descriptor that is not a terminal (a pipe, a file): one byte per key,
/// lines up to the newline. `printf 'cr1q' | parkscan review next` works this way.
public final class StreamInput: ReviewInput {
    private let descriptor: Int32
    private let echo: (String) -> Void

    public init(descriptor: Int32 = STDIN_FILENO, echo: @escaping (String) -> Void) {
        self.descriptor = descriptor
        self.echo = echo
    }

    public func key() -> UInt8? {
        while let byte = readByte() {
            if byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") { return byte }
        }
        return nil
    }

    public func line(prompt: String) -> String? {
        echo(prompt)
        var bytes: [UInt8] = []
        while let byte = readByte() {
            if byte == UInt8(ascii: "\n") {
                if bytes.isEmpty { continue } // the newline after a key
                break
            }
            bytes.append(byte)
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        return read(descriptor, &byte, 1) == 1 ? byte : nil
    }
}
