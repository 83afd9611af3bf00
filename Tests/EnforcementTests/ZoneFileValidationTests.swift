import Foundation
import Testing
import Enforcement

@Suite struct ZoneFileValidationTests {
    private static let unclosed = "[[[8.684, 49.404], [8.6841, 49.404], [8.6841, 49.4041], [8.684, 49.4041]]]"
    private static let outOfRange = "[[[49.404, 8.684], [49.404, 8.6841], [200.0, 8.6841], [49.404, 95.0], [49.404, 8.684]]]"

    @Test func allProblemsOfAFileAreCollectedWithFeatureIndexAndID() {
        let problems = ZoneJSON.problems([
            ZoneJSON.feature(ZoneJSON.paid("ok")),
            ZoneJSON.feature(#""id": "k", "name": "n", "kind": "pay", "hours": "24/7", "capacity": 1"#),
            ZoneJSON.feature(#""id": "h", "name": "n", "kind": "paid", "hours": "Mo-Fr 8-20", "capacity": 1"#),
            ZoneJSON.feature(#""id": "c", "name": "n", "kind": "paid", "hours": "24/7""#),
            ZoneJSON.feature(ZoneJSON.paid("u"), coordinates: Self.unclosed),
            ZoneJSON.feature(ZoneJSON.paid("r"), coordinates: Self.outOfRange),
            ZoneJSON.feature(ZoneJSON.paid("ok")),
        ], file: "weststadt.geojson")
        let found = problems.map { ProblemKey(index: $0.featureIndex, id: $0.featureID, code: $0.code) }
        #expect(found == [
            ProblemKey(index: 1, id: "k", code: .unknownKind),
            ProblemKey(index: 2, id: "h", code: .badHours),
            ProblemKey(index: 3, id: "c", code: .missingProperty),
            ProblemKey(index: 4, id: "u", code: .unclosedRing),
            ProblemKey(index: 5, id: "r", code: .coordinateOutOfRange),
            ProblemKey(index: 6, id: "ok", code: .duplicateID),
        ])
        let text = problems.map(\.description)
        #expect(text[0] == #"weststadt.geojson: feature 1 (id "k"): unknown kind "pay" (expected one of paid, resident, mixed, time-limited, no-parking)"#)
        #expect(text[1].hasPrefix(#"weststadt.geojson: feature 2 (id "h"): bad hours "Mo-Fr 8-20""#))
        #expect(text[2] == #"weststadt.geojson: feature 3 (id "c"): missing "capacity""#)
        #expect(text[3].contains("outer ring is not closed"))
        #expect(text[4].contains("[200.0, 8.6841]") && text[4].contains("[49.404, 95.0]"))
        #expect(text[5].contains(#"duplicate id "ok" (first used by feature 0 in weststadt.geojson)"#))
    }

    @Test func severalProblemsOfOneFeatureAreAllReported() {
        let problems = ZoneJSON.problems([
            ZoneJSON.feature(#""id": "x", "kind": "resident", "hours": "PH off", "capacity": -1, "parkingDisc": 1"#,
                             type: "LineString", coordinates: "[[8.0, 49.0], [8.1, 49.1]]"),
        ])
        #expect(Set(problems.map(\.code)) == [.missingProperty, .badHours, .badValue, .wrongType, .badGeometry])
        #expect(problems.allSatisfy { $0.featureIndex == 0 && $0.featureID == "x" })
        let text = problems.map(\.reason).joined(separator: "\n")
        #expect(text.contains(#"missing "name""#))
        #expect(text.contains(#"missing "permitAreas""#))
        #expect(text.contains("public holidays (PH) are not supported"))
        #expect(text.contains(#""capacity" is -1"#))
        #expect(text.contains(#""parkingDisc" is a number, expected true or false"#))
        #expect(text.contains("geometry is a LineString"))
    }

    @Test func kindSpecificPropertiesAreChecked() {
        let problems = ZoneJSON.problems([
            ZoneJSON.feature(#""id": "t", "name": "n", "kind": "time-limited", "hours": "24/7", "capacity": 3"#),
            ZoneJSON.feature(#""id": "p", "name": "n", "kind": "paid", "hours": "24/7", "capacity": 3, "maxStayMinutes": 60, "parkingDisc": true"#),
            ZoneJSON.feature(#""id": "m", "name": "n", "kind": "mixed", "hours": "24/7", "capacity": 3, "permitAreas": []"#),
            ZoneJSON.feature(#""id": "s", "name": "n", "kind": "paid", "hours": "24/7", "capacity": 3, "side": "north", "permitAreas": ["W1"]"#),
        ])
        let reasons = problems.map { "\($0.featureID ?? "-"): \($0.reason)" }
        #expect(reasons == [
            #"t: missing "maxStayMinutes""#,
            #"p: "maxStayMinutes" applies to time-limited zones only, this zone is paid"#,
            #"p: "parkingDisc" applies to time-limited zones only, this zone is paid"#,
            #"m: "permitAreas" is empty; a mixed zone needs at least one"#,
            #"s: "permitAreas" has no effect in a paid zone (paid with residents exempt is kind "mixed")"#,
            #"s: unknown side "north" (expected left, right or both)"#,
        ])
    }

    @Test func badGeometriesAreNamed() {
        let problems = ZoneJSON.problems([
            #"{"type": "Feature", "properties": {\#(ZoneJSON.paid("g0"))}, "geometry": null}"#,
            ZoneJSON.feature(ZoneJSON.paid("g1"), coordinates: "[[[8.0, 49.0], [8.1, 49.0], [8.0, 49.0]]]"),
            ZoneJSON.feature(ZoneJSON.paid("g2"), coordinates: #"[[[8.0, 49.0], ["8.1", 49.0], [8.1, 49.1], [8.0, 49.0]]]"#),
            ZoneJSON.feature(ZoneJSON.paid("g3"), type: "MultiPolygon", coordinates: "[[\(ZoneJSON.box.dropFirst().dropLast())], [[[8.0, 49.0], [8.1, 49.0], [8.1, 49.1], [8.0, 49.1]]]]"),
            #"{"type": "Point"}"#,
        ])
        let reasons = problems.map { "\($0.featureIndex ?? -1) \($0.featureID ?? "-"): \($0.reason)" }
        #expect(reasons.count == 5)
        #expect(reasons[0] == "0 g0: no geometry (expected a Polygon or MultiPolygon)")
        #expect(reasons[1].hasPrefix("1 g1: outer ring has 3 positions"))
        #expect(reasons[2] == "2 g2: outer ring, position 1 is not [longitude, latitude]")
        #expect(reasons[3] == "3 g3: polygon 1, outer ring is not closed: its last position must repeat the first")
        #expect(reasons[4] == #"4 -: not a GeoJSON Feature ("type": "Feature")"#)
    }

    @Test func fileLevelProblemsNameTheFile() {
        let notJSON = Data("{\"type\": \"FeatureCollection\", \"features\": [".utf8)
        let notCollection = Data(#"{"type": "Feature"}"#.utf8)
        let good = ZoneJSON.collection([ZoneJSON.feature(ZoneJSON.paid("a"))])
        let again = ZoneJSON.collection([ZoneJSON.feature(ZoneJSON.paid("b")), ZoneJSON.feature(ZoneJSON.paid("a"))])
        let error = #expect(throws: ZoneMapError.self) {
            try ZoneMap(geoJSON: [("a.geojson", notJSON), ("b.geojson", notCollection),
                                  ("c.geojson", good), ("d.geojson", again)])
        }
        let problems = error?.problems ?? []
        #expect(problems.map(\.code) == [.invalidJSON, .notFeatureCollection, .duplicateID])
        let lines = problems.map(\.description)
        #expect(lines.first == "a.geojson: not valid JSON: Unexpected end of file during JSON parse.")
        #expect(lines.dropFirst().first?.hasPrefix("b.geojson: not a GeoJSON FeatureCollection") == true)
        #expect(lines.last == #"d.geojson: feature 1 (id "a"): duplicate id "a" (first used by feature 0 in c.geojson)"#)
        #expect(error?.description.hasPrefix("zone map not loaded, 3 problems:\n  a.geojson: ") == true)
    }

    @Test func syntaxErrorsGiveLineAndColumn() {
        let broken = Data("{\"type\": \"FeatureCollection\",\n \"features\": [1,}".utf8)
        let error = #expect(throws: ZoneMapError.self) { try ZoneMap(geoJSON: [("broken.geojson", broken)]) }
        #expect(error?.problems.first?.description
                == "broken.geojson: not valid JSON: Invalid value around character 46. (line 2, column 17)")
    }

    @Test func emptyOrMissingFolderIsAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zones-\(UUID().uuidString)")
        #expect(throws: ZoneMapError.self) { try ZoneMap.load(folder: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: ZoneMapError.self) { try ZoneMap.load(folder: folder) }
        #expect(error?.problems.map(\.code) == [.noZoneFiles])
    }
}

private struct ProblemKey: Equatable, CustomStringConvertible {
    let index: Int?
    let id: String?
    let code: ZoneProblem.Code
    var description: String { "\(index ?? -1)/\(id ?? "-")/\(code)" }
}
