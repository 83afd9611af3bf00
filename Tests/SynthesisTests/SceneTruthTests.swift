import Synthesis
import Testing

@Suite struct SceneTruthTests {
    @Test(arguments: [(1280, 720), (640, 480), (1920, 1080)])
    func boxesLieInsideTheFrameAndHavePlausibleSizes(width: Int, height: Int) throws {
        let options = SceneOptions(width: width, height: height, twoCarShare: 0.3)
        let generator = try SceneGenerator(seed: 2024, options: options)
        var plateCount = 0
        for index in 0..<300 {
            let scene = generator.truth(ofScene: index, file: "x.jpg")
            #expect((1...2).contains(scene.plates.count))
            for plate in scene.plates {
                plateCount += 1
                let box = plate.box
                #expect(box.x >= 0 && box.y >= 0, "scene \(index): \(box) starts outside the frame")
                #expect(box.x + box.width <= width && box.y + box.height <= height,
                        "scene \(index): \(box) ends outside the \(width)x\(height) frame")
                #expect((86...324).contains(box.width), "scene \(index): plate width \(box.width)")
                #expect(box.height >= 15 && box.height < box.width, "scene \(index): plate height \(box.height)")
                #expect(plate.corners.count == 4)
                for corner in plate.corners {
                    #expect(corner.x >= Double(box.x) && corner.x <= Double(box.x + box.width))
                    #expect(corner.y >= Double(box.y) && corner.y <= Double(box.y + box.height))
                }
                // Corners go clockwise: top-left, top-right, bottom-right, bottom-left.
                #expect(plate.corners[1].x > plate.corners[0].x && plate.corners[2].y > plate.corners[1].y)
            }
            if scene.plates.count == 2 {
                #expect(!scene.plates[0].box.intersects(scene.plates[1].box), "scene \(index): plates overlap")
            }
        }
        #expect(plateCount > 300)
    }

    @Test func mixOfCountriesAndCarCountsFollowsTheOptions() throws {
        let options = SceneOptions(foreignShare: 0.2, twoCarShare: 0.25)
        let generator = try SceneGenerator(seed: 7, options: options)
        let scenes = (0..<400).map { generator.truth(ofScene: $0, file: "x.jpg") }
        let plates = scenes.flatMap(\.plates)
        let foreign = Double(plates.filter { $0.country != "D" }.count) / Double(plates.count)
        let twoCar = Double(scenes.filter { $0.plates.count == 2 }.count) / Double(scenes.count)
        #expect((0.13...0.27).contains(foreign), "foreign share \(foreign)")
        #expect((0.12...0.3).contains(twoCar), "two-car share \(twoCar)")
        #expect(Set(plates.map(\.country)).count >= 6)
        let noForeign = try SceneGenerator(seed: 7, options: SceneOptions(foreignShare: 0, twoCarShare: 0))
        let only = (0..<100).map { noForeign.truth(ofScene: $0, file: "x.jpg") }
        #expect(only.allSatisfy { $0.plates.count == 1 && $0.plates[0].country == "D" })
    }

    @Test func normalizedIsLettersAndDigitsOfTheText() throws {
        let generator = try SceneGenerator(seed: 3)
        for index in 0..<100 {
            for plate in generator.truth(ofScene: index, file: "x.jpg").plates {
                #expect(plate.normalized == String(plate.text.filter { $0.isLetter || $0.isNumber }))
                #expect(plate.normalized == plate.normalized.uppercased())
                #expect(!plate.normalized.isEmpty)
            }
        }
    }
}
