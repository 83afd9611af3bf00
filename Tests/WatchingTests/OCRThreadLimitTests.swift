import DriveInput
import Foundation
import LiveInput
import Synchronization
import Testing

/// The `parkscan watch` binary on a short video: its readers must run Tesseract with one
/// OpenMP thread. The video library loads libgomp before the reader could set the limit, so
/// this is checked in a process of its own (the test process may have loaded either first).
@Suite(.serialized) struct OCRThreadLimitTests {
    @Test func watchReadsWithOneOpenMPThreadUnlessTheUserSaysOtherwise() throws {
        let parkscan = try #require(Self.parkscan, "the parkscan binary is built beside the test bundle by `swift test`")
        let drive = try TestDrive(seed: 34, cars: 2)
        defer { drive.remove() }
        let frames = Array(try DriveFolder(path: drive.drivePath).frames(of: "right").prefix(5))
        let video = drive.file("right.avi")
        let writer = try VideoWriter(path: video, framesPerSecond: 25, width: 960, height: 540)
        for frame in frames { try writer.append(imageAt: frame.path) }
        writer.finish()
        let arguments = ["watch", "--camera", "\(video),side=right", "--zones", TestDrive.zonesFolder.path,
                         "--db", drive.file("watch.sqlite"), "--evidence", drive.file("evidence")]

        let unset = try Self.run(parkscan, arguments, environment: ["OMP_THREAD_LIMIT": nil])
        #expect(unset.status == 0, "\(unset.error)")
        #expect(unset.output.contains("frames read"), "\(unset.output)")
        #expect(!unset.error.contains("OpenMP"), "watch must set OMP_THREAD_LIMIT=1 before the video library loads libgomp: \(unset.error)")

        let users = try Self.run(parkscan, arguments, environment: ["OMP_THREAD_LIMIT": "2"])
        #expect(users.status == 0, "\(users.error)")
        #expect(users.error.contains("a 2-thread OpenMP limit"), "the user's own limit is kept, and named: \(users.error)")
    }

    static var parkscan: String? {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [folder, folder.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("parkscan").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func run(_ path: String, _ arguments: [String], environment changes: [String: String?]) throws
        -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in changes { environment[key] = value }
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let errorData = Mutex(Data())
        let reader = Thread { errorData.withLock { $0 = error.fileHandleForReading.readDataToEndOfFile() } }
        reader.start()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1_000) }
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errorData.withLock { $0 }, as: UTF8.self))
    }
}
