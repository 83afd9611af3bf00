import Foundation

/// One self-contained HTML page to look at many cases at once: per case its facts, both
/// sightings' plate crops and overviews side by side, and any evidence problem in red.
///
/// Images are embedded as base64 data URIs, so the page can be mailed or archived as one
/// file. Every text from the database is HTML-escaped. A few lines of script only mark an
/// image the browser could not decode ("image not decodable") and count the decoded ones in
/// `body[data-decoded-images]` (the headless-browser check reads it); the page is complete
/// without them.
public enum ReviewSheet {
    public static func html(_ dossiers: [CaseDossier], title: String, generatedAt: Date) -> String {
        var page = """
            <!DOCTYPE html>
            <html lang="de"><head><meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 16px; background: #f4f4f4; }
            .case { background: #fff; border: 1px solid #ccc; border-radius: 6px; margin: 0 0 12px; padding: 8px 12px; }
            .case h2 { font-size: 16px; margin: 0 0 4px; } .plate { font: bold 18px monospace; }
            .facts { color: #333; margin: 0 0 6px; } .images { display: flex; gap: 8px; flex-wrap: wrap; align-items: flex-end; }
            figure { margin: 0; } figcaption { font-size: 12px; color: #555; }
            img.crop { height: 60px; image-rendering: pixelated; } img.overview { height: 180px; }
            .problem, .broken { color: #b00; font-weight: bold; }
            </style></head>
            <body>
            <h1>\(escape(title))</h1>
            <p>\(dossiers.count) case(s), generated \(escape(ReviewTime.text(generatedAt)))</p>

            """
        for dossier in dossiers { page += section(dossier) }
        page += """
            <script>
            window.addEventListener("load", () => {
              let decoded = 0;
              for (const image of document.images) {
                if (image.naturalWidth > 0) { decoded++; continue; }
                image.classList.add("broken");
                image.alt = "image not decodable";
              }
              document.body.dataset.decodedImages = decoded;
            });
            </script>
            </body></html>

            """
        return page
    }

    private static func section(_ dossier: CaseDossier) -> String {
        let found = dossier.case
        let confidence = dossier.readConfidence.map { String(format: "%.2f", $0) } ?? "-"
        var text = """
            <section class="case" id="case-\(found.id)">
            <h2>Case \(found.id) <span class="plate">\(escape(found.plate))</span> \(escape(found.country ?? ""))</h2>
            <p class="facts">\(escape(found.zone)) · \(escape(found.rule)) · \(escape(ReviewTime.short(found.firstSeen))) → \
            \(escape(ReviewTime.short(found.lastSeen))) · read confidence \(confidence) · \(escape(found.status))<br>\
            \(escape(found.detail))</p>

            """
        for problem in dossier.evidenceProblems {
            text += "<p class=\"problem\">\(escape(problem))</p>\n"
        }
        text += "<div class=\"images\">\n"
        for ordinal in dossier.sightings.map(\.ordinal) {
            for kind in ["plate", "overview"] {
                guard let evidence = dossier.file(kind: kind, ordinal: ordinal) else { continue }
                let caption = "sighting \(ordinal) \(kind)" + (dossier.sightings.first { $0.ordinal == ordinal }
                    .map { " · " + ReviewTime.short($0.seenAt) } ?? "")
                if evidence.isIntact, let file = evidence.file, let bytes = FileManager.default.contents(atPath: file) {
                    let type = file.lowercased().hasSuffix(".png") ? "image/png" : "image/jpeg"
                    text += "<figure><img class=\"\(kind == "plate" ? "crop" : "overview")\" alt=\"\(escape(caption))\" "
                        + "src=\"data:\(type);base64,\(bytes.base64EncodedString())\"><figcaption>\(escape(caption))</figcaption></figure>\n"
                } else {
                    text += "<figure><p class=\"problem\">not shown: \(escape(evidence.problem ?? "unreadable"))</p>"
                        + "<figcaption>\(escape(caption))</figcaption></figure>\n"
                }
            }
        }
        return text + "</div>\n</section>\n"
    }

    /// `&`, `<`, `>`, `"` and `'` as entities.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
