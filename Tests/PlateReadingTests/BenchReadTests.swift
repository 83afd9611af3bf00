import Foundation
import Testing
import TestSupport

/// `parkscan bench read`: the image score as shared/tools/score_read.py computes it, and each
/// plate of the truth scored by the reading over it.
struct BenchReadTests {
    /// Two demo frames the reader reads right (`SC-RH 80`, and the Dutch `TP-929-R`), one of
    /// them twice: labelled right, labelled where no plate is, and labelled with a wrong text.
    @Test func everyLabelledPlateIsScoredByTheReadingOverIt() throws {
        let program = try #require(builtProgram("parkscan"), "swift test builds parkscan beside the tests")
        let folder = try TemporaryFolder()
        for (source, copy) in [("scene-00002.jpg", "a.jpg"), ("scene-00002.jpg", "b.jpg"), ("scene-00004.jpg", "c.jpg")] {
            try FileManager.default.copyItem(atPath: Fixtures.path("demo-frames/" + source), toPath: folder.path + "/" + copy)
        }
        try """
            file,plate,country,x,y,w,h
            a.jpg,SC-RH 80,D,825,521,311,116
            b.jpg,SC-RH 80,D,10,10,100,30
            b.jpg,SC-HR 80,D,825,521,311,116
            c.jpg,TP-929-R,NL,502,309,266,62

            """.write(toFile: folder.path + "/groundtruth.csv", atomically: true, encoding: .utf8)
        let run = try runProgram(program, ["bench", "read", folder.path, "--verbose"])
        #expect(run.status == 0, "\(run.error)")
        // Images: b is scored on its last row, which its best reading is not.
        #expect(run.output.contains("top1=66.7% (2/3)"), "\(run.output)")
        #expect(run.output.contains("German plates: exact with split 33.3% (1/3), exact 33.3% (1/3), nothing read there 1"),
                "\(run.output)")
        #expect(run.output.contains("foreign plates:") && run.output.contains("exact 100.0% (1/1)"), "\(run.output)")
        #expect(run.output.contains("b.jpg: SC-HR 80 read as SC-RH 80"), "\(run.output)")
        #expect(run.output.contains("b.jpg: SC-RH 80 read as (nothing there)"), "\(run.output)")
    }

    @Test func aTruthRowWithABadBoxNamesItsLine() throws {
        let program = try #require(builtProgram("parkscan"), "swift test builds parkscan beside the tests")
        let folder = try TemporaryFolder()
        try "file,plate,country,x,y,w,h\na.jpg,SC-RH 80,D,825,521,311,116\nb.jpg,M-AB 1,D,1,2,wide,4\n"
            .write(toFile: folder.path + "/groundtruth.csv", atomically: true, encoding: .utf8)
        let run = try runProgram(program, ["bench", "read", folder.path])
        #expect(run.status != 0)
        #expect(run.error.contains("groundtruth.csv:3: x,y,w,h must be whole numbers"), "\(run.error)")
    }
}
