import Foundation

/// Writes a planned drive to disk: `drive.json`, `gps.nmea`, `rights/*.csv`,
/// `frames/<camera>/frames.csv` and images, `truth.json`.
struct DriveFolderWriter {
    let folder: String

    func write(plan: DrivePlan, truth: DriveTruth, options: DriveOptions, seed: UInt64,
               progress: ((Int, Int) -> Void)?) throws {
        let rightsFolder = path("rights")
        try makeFolder(rightsFolder)
        try save(manifest(options), to: path("drive.json"))
        try save(plan.gpsLog, to: path(DriveGenerator.gpsFile))
        try save(RightsCSV.permits(plan.rights.permits), to: path("rights/permits.csv"))
        try save(RightsCSV.sessions(plan.rights.sessions), to: path("rights/sessions.csv"))
        try save(RightsCSV.exemptions(plan.rights.exemptions), to: path("rights/exemptions.csv"))
        for (index, camera) in options.cameras.enumerated() {
            let cameraFolder = path("frames/" + camera.name)
            try makeFolder(cameraFolder)
            let rows = plan.frames.frames.filter { $0.cameraIndex == index }.map { "\($0.file),\(DriveTimestamp.iso($0.time))" }
            try save((["file,time"] + rows).joined(separator: "\n") + "\n", to: (cameraFolder as NSString).appendingPathComponent("frames.csv"))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = try encoder.encode(truth)
        try write(json, to: path("truth.json"))

        guard options.renderImages else { return }
        let renderer = SceneRenderer(font: try RenderFont(path: options.fontPath))
        let painter = DriveFramePainter(seed: seed, options: options)
        for (done, frame) in plan.frames.frames.enumerated() {
            let file = path("frames/\(options.cameras[frame.cameraIndex].name)/\(frame.file)")
            let scene = painter.scene(for: frame)
            try renderer.render(scene).save(to: file, jpegQuality: scene.jpegQuality)
            progress?(done + 1, plan.frames.frames.count)
        }
    }

    /// `drive.json`: the vehicle, the GPS file, each camera with its mount offsets.
    private func manifest(_ options: DriveOptions) -> String {
        let cameras = options.cameras.map { camera in
            let mount = camera.mount
            return "    {\"name\": \"\(mount.name)\", \"side\": \"\(mount.side.rawValue)\", "
                + "\"lateralOffset\": \(String(format: "%.2f", mount.lateralOffset)), "
                + "\"forwardOffset\": \(String(format: "%.2f", mount.forwardOffset)), \"folder\": \"frames/\(mount.name)\"}"
        }
        return "{\n  \"vehicle\": \"\(DriveGenerator.vehicle)\",\n  \"gps\": \"\(DriveGenerator.gpsFile)\",\n  \"cameras\": [\n"
            + cameras.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    private func path(_ relative: String) -> String {
        (folder as NSString).appendingPathComponent(relative)
    }

    private func makeFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw SynthesisError(path: path, message: "cannot create the folder: \(error.localizedDescription)")
        }
    }

    private func save(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    private func write(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw SynthesisError(path: path, message: "cannot write: \(error.localizedDescription)")
        }
    }
}
