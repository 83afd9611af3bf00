import ArgumentParser
import Synthesis

/// `parkscan-synth plate "M-AB 1234" --out plate.png`: one plate alone, to look at the design.
struct PlateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plate",
        abstract: "Render a single plate (German canonical form, or foreign text with --country)."
    )

    @Argument(help: "Plate text: 'M-AB 1234' for German plates, e.g. 'WA 56660' with --country PL.") var text: String
    @Option(help: "Country code in the EU band.") var country = "D"
    @Option(help: "Output image (.png or .jpg).") var out: String
    @Option(help: "Resolution in pixels per millimetre (the plate is 520 x 110 mm).") var resolution = 2.0
    @Option(help: "TrueType font.") var font = SceneOptions.defaultFontPath

    func run() throws {
        let plate: PlateSpec
        if country == "D" {
            guard let parts = GermanPlateParts(canonical: text) else {
                throw ValidationError("'\(text)' is not a German plate in the form 'M-AB 1234'")
            }
            plate = PlateSpec(german: parts)
        } else {
            plate = PlateSpec(country: country, text: text)
        }
        let generator = try SceneGenerator(seed: 0, options: SceneOptions(fontPath: font))
        try generator.renderPlate(plate, to: out, pixelsPerMillimetre: resolution)
        print("wrote \(plate.text) (\(plate.country)) to \(out)")
    }
}
