import Foundation
import OccupancyServer
import Testing

@Suite(.serialized) struct OccupancyServerTests {
    static let dataRoutes = ["/datex/v3/parking-table", "/datex/v3/parking-status", "/occupancy.geojson", "/occupancy.csv"]

    @Test func dataRoutesNeedTheBearerTokenAndHealthDoesNot() async throws {
        try await RunningServer.with { server in
            for route in Self.dataRoutes {
                let missing = try await server.get(route, token: nil)
                #expect(missing.status == 401, "\(route) without token")
                #expect(missing.header("WWW-Authenticate") == "Bearer realm=\"parkscan\"")
                let wrong = try await server.get(route, token: "test-token-0123456789abcdeX")
                #expect(wrong.status == 401, "\(route) with a wrong token")
                #expect(wrong.header("WWW-Authenticate")?.contains("invalid_token") == true)
                let short = try await server.get(route, token: "test")
                #expect(short.status == 401)
                let basic = try await server.get(route, token: nil, headers: ["Authorization": "Basic dGVzdDp0ZXN0"])
                #expect(basic.status == 401)
                let right = try await server.get(route)
                #expect(right.status == 200, "\(route): \(right.body.prefix(200))")
                #expect(right.header("ETag")?.hasPrefix("\"") == true)
                #expect(right.header("Last-Modified")?.hasSuffix(" GMT") == true)
            }
            let health = try await server.get("/healthz", token: nil)
            #expect(health.status == 200)
            #expect(health.body == "ok\n")
        }
    }

    @Test func routesAnswerWithTheirFormats() async throws {
        try await RunningServer.with { server in
            try server.commitPass(number: 1, end: Date(timeIntervalSince1970: 1_762_246_800), vehicles: ["roe-w-1": 27])
            let status = try await server.get("/datex/v3/parking-status?zone=roe-w-1")
            #expect(status.header("Content-Type") == "application/xml; charset=utf-8")
            #expect(status.body.contains("xsi:type=\"prk:ParkingStatusPublication\""))
            #expect(status.body.contains("<prk:numberOfOccupiedSpaces>27</prk:numberOfOccupiedSpaces>"))
            #expect(status.body.components(separatedBy: "<prk:parkingStatusInformation").count == 2)
            let table = try await server.get("/datex/v3/parking-table")
            #expect(table.body.contains("xsi:type=\"prk:ParkingTablePublication\""))
            let geojson = try await server.get("/occupancy.geojson")
            #expect(geojson.header("Content-Type") == "application/geo+json")
            #expect(try JSONSerialization.jsonObject(with: Data(geojson.body.utf8)) is [String: Any])
            let csv = try await server.get("/occupancy.csv?zone=roe-w-1,dan-w-1&at=2025-11-04T10:00:00%2B01:00")
            #expect(csv.status == 200)
            #expect(csv.header("Content-Type")?.hasPrefix("text/csv") == true)
            #expect(csv.body.hasPrefix("zone,name,kind,periodStart"))
        }
    }

    @Test func unchangedDataGets304ByETagAndByDate() async throws {
        try await RunningServer.with { server in
            try server.commitPass(number: 1, end: Date(timeIntervalSince1970: 1_762_246_800), vehicles: ["roe-w-1": 10])
            for route in Self.dataRoutes {
                let first = try await server.get(route)
                let etag = try #require(first.header("ETag"))
                let lastModified = try #require(first.header("Last-Modified"))
                let byTag = try await server.get(route, headers: ["If-None-Match": etag])
                #expect(byTag.status == 304, "\(route)")
                #expect(byTag.body.isEmpty)
                #expect(byTag.header("ETag") == etag)
                #expect(try await server.get(route, headers: ["If-None-Match": "\"other\", W/\(etag)"]).status == 304)
                #expect(try await server.get(route, headers: ["If-None-Match": "\"other\""]).status == 200)
                let byDate = try await server.get(route, headers: ["If-Modified-Since": lastModified])
                #expect(byDate.status == 304, "\(route)")
                #expect(try await server.get(route, headers: ["If-Modified-Since": "Sat, 01 Jan 2000 00:00:00 GMT"]).status == 200)
                #expect(try await server.get(route, headers: ["If-Modified-Since": "not a date"]).status == 200)
                // If-None-Match wins over If-Modified-Since.
                #expect(try await server.get(route, headers: ["If-None-Match": "\"other\"", "If-Modified-Since": lastModified]).status == 200)
            }
        }
    }

    @Test func aNewPassChangesTheETagAndLastModified() async throws {
        try await RunningServer.with { server in
            try server.commitPass(number: 1, end: Date(timeIntervalSince1970: 1_762_246_800), vehicles: ["roe-w-1": 10])
            let first = try await server.get("/datex/v3/parking-status")
            try server.commitPass(number: 2, end: Date(timeIntervalSince1970: 1_762_247_800), vehicles: ["roe-w-1": 11])
            let etag = try #require(first.header("ETag")), lastModified = try #require(first.header("Last-Modified"))
            let byTag = try await server.get("/datex/v3/parking-status", headers: ["If-None-Match": etag])
            #expect(byTag.status == 200)
            #expect(byTag.body.contains("<prk:numberOfOccupiedSpaces>11</prk:numberOfOccupiedSpaces>"))
            #expect(byTag.header("ETag") != etag)
            // Even within the same second: Last-Modified moves on by at least a second.
            let byDate = try await server.get("/datex/v3/parking-status", headers: ["If-Modified-Since": lastModified])
            #expect(byDate.status == 200)
            // The table does not depend on the counts: still 304.
            let table = try await server.get("/datex/v3/parking-table")
            try server.commitPass(number: 3, end: Date(timeIntervalSince1970: 1_762_248_800), vehicles: ["roe-w-1": 12])
            let tableAgain = try await server.get("/datex/v3/parking-table", headers: ["If-None-Match": try #require(table.header("ETag"))])
            #expect(tableAgain.status == 304)
        }
    }

    /// The table does not depend on the database: asking for it between status requests must
    /// not look like a data change (Last-Modified must not run ahead of the clock).
    @Test func lastModifiedStaysPutWhileRoutesInterleave() async throws {
        try await RunningServer.with { server in
            try server.commitPass(number: 1, end: Date(timeIntervalSince1970: 1_762_246_800), vehicles: ["roe-w-1": 10])
            let first = try #require(try await server.get("/datex/v3/parking-status").header("Last-Modified"))
            for zone in ["roe-w-1", "roe-w-2", "dan-w-1", "dan-w-2", "kls-n-1"] {
                _ = try await server.get("/datex/v3/parking-table")
                let other = try await server.get("/datex/v3/parking-status?zone=\(zone)")
                #expect(other.header("Last-Modified") == first, "\(zone)")
            }
            let date = try #require(HTTPDateForTests.parse(first))
            #expect(date.timeIntervalSinceNow < 2)
        }
    }

    @Test func badQueriesGet400AndUnknownRoutes404() async throws {
        try await RunningServer.with { server in
            let unknownZone = try await server.get("/datex/v3/parking-status?zone=nowhere")
            #expect(unknownZone.status == 400)
            #expect(unknownZone.body.contains("unknown zone \"nowhere\""))
            for target in ["/occupancy.csv?at=yesterday", "/occupancy.geojson?at=2025-02-30T10:00", "/occupancy.csv?zone=",
                           "/occupancy.csv?zone=roe-w-1,,dan-w-1", "/occupancy.csv?zones=roe-w-1", "/occupancy.csv?at=2025-11-04T10:00&at=2025-11-04T11:00",
                           "/datex/v3/parking-status?zone=dan-o-1", "/occupancy.csv?zone=%ZZ", "/occupancy.csv?at=%00%01"] {
                let response = try await server.get(target)
                #expect(response.status == 400, "\(target): \(response.status) \(response.body)")
                #expect(!response.body.isEmpty)
            }
            for target in ["/", "/datex/v3", "/datex/v3/parking-status/x", "/occupancy.json", "/../etc/passwd"] {
                #expect(try await server.get(target).status == 404, "\(target)")
            }
            // Garbage on the wire does not take the server down.
            _ = try? await server.send("\u{1}\u{2}GARBAGE \r\n\r\n")
            _ = try? await server.send("GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n")
            #expect(try await server.get("/healthz", token: nil).status == 200)
        }
    }

    /// Polls while a writer commits passes in which every zone has the pass number as count:
    /// every status document must show one pass for all zones.
    @Test func documentsAreConsistentWhileAScanWrites() async throws {
        try await RunningServer.with { server in
            let zones = ["roe-w-1", "roe-w-2", "dan-w-1", "dan-w-2", "kls-n-1", "kls-s-1"]
            let passes = 30
            let writer = Task.detached {
                for pass in 1...passes {
                    try server.commitPass(number: pass, end: Date(timeIntervalSince1970: 1_762_246_800 + Double(pass) * 600),
                                          vehicles: Dictionary(uniqueKeysWithValues: zones.map { ($0, pass) }))
                    try await Task.sleep(for: .milliseconds(5))
                }
            }
            let target = "/occupancy.geojson?zone=" + zones.joined(separator: ",")
            var seen = Set<Int>()
            while true {
                let response = try await server.get(target)
                #expect(response.status == 200)
                let object = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any]
                let features = object?["features"] as? [[String: Any]] ?? []
                let counts = Set(features.map { (($0["properties"] as? [String: Any])?["vehicles"] as? Int) ?? 0 })
                #expect(counts.count == 1, "mixed passes: \(counts.sorted())")
                seen.formUnion(counts)
                if counts == [passes] { break }
            }
            try await writer.value
            #expect(seen.count > 1)
        }
    }

    @Test func tokenFilesAreCheckedAtStart() throws {
        let folder = NSTemporaryDirectory() + "token-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: BearerTokenError.self) { try BearerToken.load(path: folder + "/missing") }
        for content in ["", "\n  \n", "short", "has spaces inside the token value", "0123456789abcdef\nsecond-line-0123"] {
            try content.write(toFile: folder + "/token", atomically: true, encoding: .utf8)
            #expect(throws: BearerTokenError.self, "\(content)") { try BearerToken.load(path: folder + "/token") }
        }
        try "0123456789abcdef0123\n".write(toFile: folder + "/token", atomically: true, encoding: .utf8)
        let token = try BearerToken.load(path: folder + "/token")
        #expect(token.matches(authorization: "Bearer 0123456789abcdef0123"))
        #expect(token.matches(authorization: "bearer 0123456789abcdef0123"))
        #expect(!token.matches(authorization: "Bearer 0123456789abcdef012"))
        #expect(!token.matches(authorization: "Bearer 0123456789abcdef01234"))
        #expect(!token.matches(authorization: "0123456789abcdef0123"))
        #expect(!token.matches(authorization: nil))
    }
}
