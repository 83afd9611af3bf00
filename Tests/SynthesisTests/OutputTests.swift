import Foundation
import Synthesis
import Testing

@Suite struct OutputTests {
    @Test func groundTruthCSVMatchesTheReturnedTruth() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let generator = try SceneGenerator(seed: 31, options: SceneOptions(width: 640, height: 480, twoCarShare: 0.5))
        let scenes = try generator.renderSet(count: 8, into: directory.path)
        #expect(scenes.count == 8)
        let csv = try String(contentsOfFile: directory.file("groundtruth.csv"), encoding: .utf8)
        var lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.removeLast() == "", "the CSV ends with a newline")
        #expect(lines.removeFirst() == "file,plate,country,x,y,w,h")
        let expected = scenes.flatMap { scene in scene.plates.map { (scene.file, $0) } }
        #expect(lines.count == expected.count)
        #expect(expected.count > 8, "some scenes have two plates")
        for (line, (file, plate)) in zip(lines, expected) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(fields.count == 7, "row \(line)")
            guard fields.count == 7 else { continue }
            #expect(fields[0] == file && fields[1] == plate.text && fields[2] == plate.country)
            #expect(fields[3...6].map { Int($0) } == [plate.box.x, plate.box.y, plate.box.width, plate.box.height])
            #expect(FileManager.default.fileExists(atPath: directory.file(file)), "\(file) missing")
        }
        #expect(scenes.map(\.file) == (0..<8).map { generator.fileName(ofScene: $0) })
    }

    @Test(arguments: [(640, 480, "png"), (1920, 1080, "jpg")])
    func renderedImageDecodesWithTheRequestedSize(width: Int, height: Int, fileExtension: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let generator = try SceneGenerator(seed: 8, options: SceneOptions(width: width, height: height))
        let path = directory.file("scene.\(fileExtension)")
        try generator.renderScene(0, to: path)
        let size = try ImageFile.size(atPath: path)
        #expect(size.width == width && size.height == height)
    }

    @Test func singlePlateRendersAtItsResolution() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let generator = try SceneGenerator(seed: 0)
        let plate = PlateSpec(german: GermanPlateParts(district: "DÜW", letters: "AB", number: 1234, suffix: .electric))
        try generator.renderPlate(plate, to: directory.file("plate.png"), pixelsPerMillimetre: 2)
        let size = try ImageFile.size(atPath: directory.file("plate.png"))
        #expect(size.width == 1040 + 32 && size.height == 220 + 32)
    }

    @Test func writingToAMissingDirectoryIsAClearError() throws {
        let generator = try SceneGenerator(seed: 1, options: SceneOptions(width: 320, height: 240, plateWidths: 90...200))
        let path = "/nonexistent-\(UUID().uuidString)/scene.jpg"
        let error = #expect(throws: SynthesisError.self) { try generator.renderScene(0, to: path) }
        #expect(error?.path == path)
        #expect(error?.description.contains("cannot write image") == true)

        let directory = "/nonexistent-\(UUID().uuidString)"
        let setError = #expect(throws: SynthesisError.self) { try generator.renderSet(count: 2, into: directory) }
        #expect(setError?.path == directory)
        #expect(setError?.message.contains("does not exist") == true)
    }

    @Test func writingBelowAFileOrWithAnUnknownExtensionFails() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Data("x".utf8).write(to: URL(fileURLWithPath: directory.file("file.txt")))
        let generator = try SceneGenerator(seed: 1, options: SceneOptions(width: 320, height: 240, plateWidths: 90...200))
        let below = directory.file("file.txt/scene.jpg")
        let error = #expect(throws: SynthesisError.self) { try generator.renderScene(0, to: below) }
        #expect(error?.path == below)
        let bmp = directory.file("scene.bmp")
        let extensionError = #expect(throws: SynthesisError.self) { try generator.renderScene(0, to: bmp) }
        #expect(extensionError?.message.contains(".png") == true)
        #expect(throws: SynthesisError.self) { try ImageFile.size(atPath: directory.file("file.txt")) }
    }

    @Test func badOptionsAndFontsAreReported() {
        let font = "/nonexistent/font.ttf"
        let error = #expect(throws: SynthesisError.self) {
            try SceneGenerator(seed: 1, options: SceneOptions(fontPath: font))
        }
        #expect(error?.path == font)
        #expect(throws: SynthesisError.self) { try SceneGenerator(seed: 1, options: SceneOptions(foreignShare: 2)) }
        #expect(throws: SynthesisError.self) { try SceneGenerator(seed: 1, options: SceneOptions(width: 10)) }
        #expect(throws: SynthesisError.self) {
            try SceneGenerator(seed: 1, options: SceneOptions(width: 200, height: 200, plateWidths: 90...320))
        }
    }
}
