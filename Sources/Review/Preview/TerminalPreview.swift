import Foundation

/// Images in a terminal with 24-bit colour: each character cell shows two pixels, the upper
/// half block "▀" in the foreground colour over the background colour of the lower one.
public enum TerminalPreview {
    /// Whether to draw colour previews: forced on or off by the caller, else when standard
    /// output is a terminal that says it has 24-bit colour (`COLORTERM` truecolor or 24bit).
    public static func colourWanted(forced: Bool?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if let forced { return forced }
        guard isatty(STDOUT_FILENO) != 0 else { return false }
        let colour = environment["COLORTERM"]?.lowercased() ?? ""
        return colour == "truecolor" || colour == "24bit"
    }

    /// The image as lines of half blocks, `thumbnail.height / 2` lines (rounded up).
    public static func lines(_ thumbnail: Thumbnail) -> [String] {
        stride(from: 0, to: thumbnail.height, by: 2).map { y in
            var line = ""
            for x in 0..<thumbnail.width {
                let top = thumbnail.pixel(x, y)
                line += "\u{1B}[38;2;\(top.r);\(top.g);\(top.b)m"
                if y + 1 < thumbnail.height {
                    let bottom = thumbnail.pixel(x, y + 1)
                    line += "\u{1B}[48;2;\(bottom.r);\(bottom.g);\(bottom.b)m"
                } else {
                    line += "\u{1B}[49m"
                }
                line += "▀"
            }
            return line + "\u{1B}[0m"
        }
    }

    /// Images side by side with a two-space gap, each with its caption above.
    public static func sideBySide(_ images: [(caption: String, thumbnail: Thumbnail)]) -> [String] {
        let blocks = images.map { lines($0.thumbnail) }
        let height = blocks.map(\.count).max() ?? 0
        var out = [images.map { $0.caption.padding(toLength: max($0.thumbnail.width, 1), withPad: " ", startingAt: 0) }
            .joined(separator: "  ")]
        for row in 0..<height {
            out.append(zip(images, blocks).map { image, block in
                row < block.count ? block[row] : String(repeating: " ", count: image.thumbnail.width)
            }.joined(separator: "  "))
        }
        return out
    }
}
