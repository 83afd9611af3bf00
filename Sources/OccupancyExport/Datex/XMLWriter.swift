/// A small streaming XML writer: elements, attributes and text, escaped, indented one space
/// per level.
///
/// Written by hand because Foundation's `XMLDocument` is incomplete on Linux; the DATEX
/// publications are schema-driven sequences, so nothing more than this is needed. Every string
/// goes through ``escape(_:)``: zone names and ids come from town files and must not break
/// (or inject into) the document.
struct XMLWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var open: [String] = []

    /// Opens `name` with `attributes` (in the given order).
    mutating func start(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        startElement(name, attributes.map { ($0.key, $0.value) })
    }

    /// Opens `name` with `attributes` built at run time.
    mutating func startElement(_ name: String, _ attributes: [(String, String)]) {
        text += indent + "<" + name + Self.attributes(attributes) + ">\n"
        open.append(name)
    }

    /// Closes the innermost open element.
    mutating func end() {
        let name = open.removeLast()
        text += indent + "</" + name + ">\n"
    }

    /// `<name attributes>value</name>` on one line.
    mutating func element(_ name: String, _ value: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        text += indent + "<" + name + Self.attributes(attributes.map { ($0.key, $0.value) }) + ">" + Self.escape(value) + "</" + name + ">\n"
    }

    /// `<name attributes/>`.
    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        text += indent + "<" + name + Self.attributes(attributes.map { ($0.key, $0.value) }) + "/>\n"
    }

    /// The document; every element must have been closed.
    func finish() -> String {
        precondition(open.isEmpty, "unclosed XML elements: \(open)")
        return text
    }

    private var indent: String { String(repeating: " ", count: open.count) }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// Escapes markup characters and drops characters XML 1.0 does not allow at all (control
    /// characters other than tab, newline, carriage return; U+FFFE, U+FFFF).
    static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
