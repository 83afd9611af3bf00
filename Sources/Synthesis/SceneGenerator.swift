import Foundation

/// Renders synthetic camera frames with German (and some foreign EU) plates, with exact ground
/// truth. Scene `i` of a seed is always the same picture, whatever else was rendered before.
///
/// Not thread-safe (the font caches glyphs): use one generator per thread.
public final class SceneGenerator {
    public let seed: UInt64
    public let options: SceneOptions
    private let planner: ScenePlanner
    private let renderer: SceneRenderer

    /// Fails when the options make no sense or the font cannot be loaded.
    public init(seed: UInt64, options: SceneOptions = SceneOptions()) throws {
        try Self.validate(options)
        self.seed = seed
        self.options = options
        planner = ScenePlanner(seed: seed, options: options)
        renderer = SceneRenderer(font: try RenderFont(path: options.fontPath))
    }

    /// The file name of scene `index` in a set: `scene-00042.jpg`.
    public func fileName(ofScene index: Int) -> String {
        let number = String(index)
        return "scene-" + String(repeating: "0", count: max(0, 5 - number.count)) + number + "." + options.fileExtension
    }

    /// The ground truth of scene `index` without rendering it (cheap).
    public func truth(ofScene index: Int, file: String) -> SceneTruth {
        Self.truth(of: planner.plan(scene: index), file: file)
    }

    /// Renders scene `index` to `path` (JPEG or PNG by extension) and returns its ground truth.
    @discardableResult
    public func renderScene(_ index: Int, to path: String) throws -> SceneTruth {
        let plan = planner.plan(scene: index)
        let frame = try renderer.render(plan)
        try frame.save(to: path, jpegQuality: plan.jpegQuality)
        return Self.truth(of: plan, file: (path as NSString).lastPathComponent)
    }

    /// Renders scenes `0..<count` into `directory` (which must exist) as ``fileName(ofScene:)``
    /// and writes their ``GroundTruthCSV`` as `groundtruth.csv`. `progress` hears of each scene.
    @discardableResult
    public func renderSet(count: Int, into directory: String,
                          progress: ((Int, SceneTruth) -> Void)? = nil) throws -> [SceneTruth] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SynthesisError(path: directory, message: "the output directory does not exist")
        }
        guard count >= 0 else { throw SynthesisError(message: "the scene count must not be negative (got \(count))") }
        var scenes: [SceneTruth] = []
        for index in 0..<count {
            let path = (directory as NSString).appendingPathComponent(fileName(ofScene: index))
            let scene = try renderScene(index, to: path)
            scenes.append(scene)
            progress?(index, scene)
        }
        try GroundTruthCSV.write(scenes, toFile: (directory as NSString).appendingPathComponent(GroundTruthCSV.fileName))
        return scenes
    }

    /// Renders `plate` alone (its country's usual look) to `path`, e.g. to inspect the plate design.
    public func renderPlate(_ plate: PlateSpec, to path: String, pixelsPerMillimetre: Double = 2) throws {
        let frame = try renderer.renderPlate(plate, style: .standard(for: plate), pixelsPerMillimetre: pixelsPerMillimetre)
        try frame.save(to: path, jpegQuality: 0)
    }

    private static func truth(of plan: ScenePlan, file: String) -> SceneTruth {
        SceneTruth(file: file, plates: plan.cars.map { PlateTruth(spec: $0.plate, corners: $0.plateCorners) })
    }

    private static func validate(_ options: SceneOptions) throws {
        func check(_ condition: Bool, _ message: String) throws {
            if !condition { throw SynthesisError(message: "invalid scene options: \(message)") }
        }
        try check((64...8192).contains(options.width) && (64...8192).contains(options.height),
                  "frame size \(options.width)x\(options.height) is outside 64...8192 pixels")
        try check((0...1).contains(options.foreignShare), "foreign share \(options.foreignShare) is not in 0...1")
        try check((0...1).contains(options.twoCarShare), "two-car share \(options.twoCarShare) is not in 0...1")
        try check((0...1).contains(options.distractorShare), "distractor share \(options.distractorShare) is not in 0...1")
        try check(options.plateWidths.lowerBound >= 20, "plates narrower than 20 pixels are not supported")
        try check(options.plateWidths.upperBound <= Double(options.width) - 10,
                  "plates up to \(options.plateWidths.upperBound) pixels do not fit a frame \(options.width) wide")
        try check(["jpg", "jpeg", "png"].contains(options.fileExtension.lowercased()),
                  "file extension '\(options.fileExtension)' is not jpg, jpeg or png")
    }
}
