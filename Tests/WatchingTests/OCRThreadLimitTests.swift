import DriveInput
import Foundation
import LiveInput
import TestSupport
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

        let unset = try runProgram(parkscan, arguments, environment: ["OMP_THREAD_LIMIT": nil])
        #expect(unset.status == 0, "\(unset.error)")
        #expect(unset.output.contains("frames read"), "\(unset.output)")
        #expect(!unset.error.contains("OpenMP"), "watch must set OMP_THREAD_LIMIT=1 before the video library loads libgomp: \(unset.error)")

        let users = try runProgram(parkscan, arguments, environment: ["OMP_THREAD_LIMIT": "2"])
        #expect(users.status == 0, "\(users.error)")
        #expect(users.error.contains("a 2-thread OpenMP limit"), "the user's own limit is kept, and named: \(users.error)")
    }

    static var parkscan: String? { builtProgram("parkscan") }
}
