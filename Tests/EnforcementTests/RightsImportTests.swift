import Foundation
import GRDB
import Testing
import Enforcement

@Suite struct RightsImportTests {
    static let permitsWithCountry = """
        reference,plate,areas,valid_from,valid_to,country
        P-1,M-AB 1234,W1;W2,2025-01-01,2025-12-31,
        P-2,MA-B 1234,W3,2025-01-01T00:00:00+01:00,2025-07-01T00:00:00+02:00,D
        P-3,ab-123-c,W1,2025-01-01,2025-12-31,NL

        """

    @Test func permitsAreImportedAndFoundByTheirSplit() throws {
        let database = try ParkScanDatabase.inMemory()
        let summary = try RightsImporter(database).importCSV(Self.permitsWithCountry, name: "permits.csv")
        #expect(summary == RightsImportSummary(file: "permits.csv", kind: .permits, added: 3))
        #expect(summary.description == "permits.csv: 3 resident permits: 3 added, 0 updated, 0 unchanged")
        let store = RightsStore(database: database)
        #expect(try store.rights(for: "M-AB 1234", zone: "Z1", at: berlin("2025-06-02 10:00")) == [.residentPermit(areas: ["W1", "W2"])])
        #expect(try store.rights(for: "MA-B 1234", zone: "Z1", at: berlin("2025-06-02 10:00")) == [.residentPermit(areas: ["W3"])])
        #expect(try store.rights(for: "AB123C", zone: "Z1", at: berlin("2025-06-02 10:00")) == [.residentPermit(areas: ["W1"])])
        let dutch = try database.writer.read { db in try ResidentPermit.fetchOne(db, key: "P-3") }
        #expect(dutch?.country == "NL")
    }

    @Test func validToDateIsTheLastValidDay() throws {
        let database = try ParkScanDatabase.inMemory()
        _ = try RightsImporter(database).importCSV(Self.permitsWithCountry, name: "permits.csv")
        let permit = try database.writer.read { db in try ResidentPermit.fetchOne(db, key: "P-1") }
        #expect(permit?.validFrom == berlin("2025-01-01 00:00"))
        #expect(permit?.validTo == berlin("2026-01-01 00:00"))
        let store = RightsStore(database: database)
        #expect(try store.rights(for: "M-AB 1234", zone: "Z1", at: berlin("2025-12-31 23:59")).count == 1)
        #expect(try store.rights(for: "M-AB 1234", zone: "Z1", at: berlin("2026-01-01 00:00")).isEmpty)
    }

    @Test func sessionsAreImportedWithBerlinOrExplicitTimes() throws {
        let database = try ParkScanDatabase.inMemory()
        let csv = """
            reference,source,plate,zone,start,end
            S-1,app,M-AB 1234,P1,2025-06-02T10:00:00+02:00,2025-06-02T11:00:00+02:00
            S-1,ticket-machine,M-AB 1234,P1,2025-06-02 12:00,2025-06-02 12:30
            S-2,app,MA-B 1234,P2,2025-06-02T08:00Z,2025-06-02T09:00:00.750Z
            """
        let summary = try RightsImporter(database).importCSV(csv, name: "sessions.csv")
        #expect(summary == RightsImportSummary(file: "sessions.csv", kind: .sessions, added: 3))
        let machine = try database.writer.read { db in
            try PaidSession.fetchOne(db, key: ["source": "ticket-machine", "reference": "S-1"])
        }
        #expect(machine?.start == berlin("2025-06-02 12:00"))
        #expect(machine?.end == berlin("2025-06-02 12:30"))
        let store = RightsStore(database: database)
        #expect(try store.rights(for: "MA-B 1234", zone: "P2", at: berlin("2025-06-02 10:30"))
                == [.paidSession(start: berlin("2025-06-02 10:00"), end: berlin("2025-06-02 11:00"))])
    }

    @Test func exemptionsAreImportedWithTheirZones() throws {
        let database = try ParkScanDatabase.inMemory()
        let csv = """
            reference,plate,reason,zones,valid_from,valid_to
            E-1,M-AB 1234,disabled-badge,,2025-01-01,2027-12-31
            E-2,K-XY 99,Delivery,L1; L2,2025-06-01,2025-06-30
            """
        #expect(try RightsImporter(database).importCSV(csv, name: "exemptions.csv").added == 2)
        let delivery = try database.writer.read { db in try Exemption.fetchOne(db, key: "E-2") }
        #expect(delivery?.reason == .delivery)
        #expect(delivery?.zones == ["L1", "L2"])
        let store = RightsStore(database: database)
        #expect(try store.rights(for: "M-AB 1234", zone: "anywhere", at: berlin("2026-03-01 09:00")) == [.exemption])
        #expect(try store.rights(for: "K-XY 99", zone: "L2", at: berlin("2025-06-10 09:00")) == [.exemption])
        #expect(try store.rights(for: "K-XY 99", zone: "P1", at: berlin("2025-06-10 09:00")).isEmpty)
    }

    @Test(arguments: RightsStorage.allCases)
    func importingTheSameFileTwiceChangesNothing(storage: RightsStorage) throws {
        try storage.withDatabase { database in
            let importer = RightsImporter(database)
            _ = try importer.importCSV(Self.permitsWithCountry, name: "permits.csv")
            let again = try importer.importCSV(Self.permitsWithCountry, name: "permits.csv")
            #expect(again == RightsImportSummary(file: "permits.csv", kind: .permits, added: 0, updated: 0, unchanged: 3))
            #expect(try RightsStore(database: database).counts().permits == 3)
        }
    }

    @Test func changedRowIsUpdated() throws {
        let database = try ParkScanDatabase.inMemory()
        let importer = RightsImporter(database)
        _ = try importer.importCSV(Self.permitsWithCountry, name: "permits.csv")
        let changed = Self.permitsWithCountry.replacingOccurrences(of: "P-1,M-AB 1234,W1;W2,2025-01-01,2025-12-31",
                                                                   with: "P-1,M-AB 1234,W2;W4,2025-01-01,2026-06-30")
        let summary = try importer.importCSV(changed + "P-4,B-X 12,W9,2025-01-01,2025-12-31,\n", name: "permits.csv")
        #expect(summary == RightsImportSummary(file: "permits.csv", kind: .permits, added: 1, updated: 1, unchanged: 2))
        let permit = try database.writer.read { db in try ResidentPermit.fetchOne(db, key: "P-1") }
        #expect(permit?.areas == ["W2", "W4"])
        #expect(permit?.validTo == berlin("2026-07-01 00:00"))
    }

    /// A header and 20 rows; line 17 (the 16th row) holds `plate`.
    static func twentyPermits(line17 plate: String) -> String {
        var lines = ["reference,plate,areas,valid_from,valid_to"]
        for row in 1...20 {
            lines.append("P-\(row),\(row == 16 ? plate : "M-AB \(row)"),W1,2025-01-01,2025-12-31")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func badRowRejectsTheWholeFileAndWritesNothing() throws {
        let file = try TemporaryDatabase()
        defer { file.remove() }
        let database = try file.open()
        let importer = RightsImporter(database)
        let store = RightsStore(database: database)
        _ = try importer.importCSV(Self.permitsWithCountry, name: "permits.csv")
        let before = try store.counts()

        // This file would update P-1 and add P-4 to P-20: none of it may happen.
        let path = (file.directory as NSString).appendingPathComponent("permits.csv")
        try Self.twentyPermits(line17: "MAB1234").write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try importer.importFile(atPath: path)
            Issue.record("the file was accepted")
        } catch let error as RightsImportError {
            #expect(error.problems == [RightsImportProblem(line: 17, reason:
                #"plate "MAB1234" has several splits (M-AB 1234, MA-B 1234); write it with its hyphen"#)])
            #expect(error.description.hasPrefix(
                path + #":17: plate "MAB1234" has several splits (M-AB 1234, MA-B 1234); write it with its hyphen"#))
        }
        #expect(try store.counts() == before)
        let p1 = try database.writer.read { db in try ResidentPermit.fetchOne(db, key: "P-1") }
        #expect(p1?.plate == "M-AB 1234" && p1?.areas == ["W1", "W2"])
        #expect(try store.rights(for: "M-AB 5", zone: "Z", at: berlin("2025-06-02 10:00")).isEmpty)
    }

    @Test func everyBadRowIsReportedWithItsLine() throws {
        let database = try ParkScanDatabase.inMemory()
        let csv = """
            reference,plate,areas,valid_from,valid_to
            P-1,M-AB 1,W1,2025-01-01,2025-12-31
            P-2,M-AB 2,,2025-01-01,2025-12-31
            P-3,M-AB 3,W1,2025-12-31,2025-01-01
            P-1,M-AB 4,W1,2025-01-01,2025-12-31
            P-5,M-AB 5,W1,2025-01-01,31.12.2025
            P-6,M-AB 6,W1,2025-01-01
            ,M-AB 7,W1,2025-01-01,2025-12-31
            """
        do {
            _ = try RightsImporter(database).importCSV(csv, name: "permits.csv")
            Issue.record("the file was accepted")
        } catch let error as RightsImportError {
            #expect(error.problems.map(\.line) == [3, 4, 5, 6, 7, 8])
            #expect(error.problems[0].reason.hasPrefix("areas is empty"))
            #expect(error.problems[1].reason.hasPrefix(#"valid_to "2025-01-01" is not after valid_from"#))
            #expect(error.problems[2].reason == "reference P-1 already on line 2")
            #expect(error.problems[3].reason.hasPrefix(#"valid_to "31.12.2025" is not an ISO 8601 time"#))
            #expect(error.problems[4].reason == "4 fields, the header has 5")
            #expect(error.problems[5].reason == "reference is empty")
            #expect(error.description.hasSuffix("permits.csv: nothing imported"))
        }
        #expect(try RightsStore(database: database).counts().permits == 0)
    }

    @Test func quotedFieldsWithCommasAndLineBreaksWork() throws {
        let database = try ParkScanDatabase.inMemory()
        let csv = "reference,plate,reason,zones,valid_from,valid_to\r\n"
            + "\"E-1, Stadtwerke\",\"M-AB 1234\",municipal-vehicle,\"P1;P2\",2025-01-01,2025-12-31\r\n"
            + "\"E-2 \"\"Bäckerei\"\"\nLieferung\",K-XY 99,delivery,L1,2025-01-01,2025-12-31\r\n"
            + "E-3,MAB1234,delivery,L1,2025-01-01,2025-12-31\r\n"
        do {
            _ = try RightsImporter(database).importCSV(csv, name: "exemptions.csv")
            Issue.record("the file was accepted")
        } catch let error as RightsImportError {
            // The quoted line break makes the third record start on line 5.
            #expect(error.problems.map(\.line) == [5])
        }
        let good = csv.components(separatedBy: "\r\n").dropLast(2).joined(separator: "\r\n")
        #expect(try RightsImporter(database).importCSV(good, name: "exemptions.csv").added == 2)
        let references = try database.writer.read { db in try String.fetchAll(db, sql: "SELECT reference FROM exemption ORDER BY reference") }
        #expect(references == ["E-1, Stadtwerke", "E-2 \"Bäckerei\"\nLieferung"])
    }

    @Test func headerTellsTheKindOrTheProblem() throws {
        let importer = RightsImporter(try ParkScanDatabase.inMemory())
        let cases: [(String, String)] = [
            ("Reference , PLATE,areas,valid_from,valid_to\n", ""),
            ("reference;plate;areas;valid_from;valid_to\n", "separated by \";\""),
            ("reference,plate,areas,valid_from\n", "header of permits lacks valid_to"),
            ("reference,plate,areas,valid_from,valid_to,colour\n", "has unknown colour"),
            ("name,street\n", "header is not one of permits (reference,plate,areas,valid_from,valid_to)"),
            ("", "is empty"),
        ]
        for (csv, problem) in cases {
            if problem.isEmpty {
                #expect(try importer.importCSV(csv, name: "f.csv").kind == .permits)
                continue
            }
            #expect(throws: RightsImportError.self) { try importer.importCSV(csv, name: "f.csv") }
            do { _ = try importer.importCSV(csv, name: "f.csv") } catch {
                #expect("\(error)".contains(problem), "\(error)")
            }
        }
    }

    @Test func localTimesInTheDaylightSavingChangeNeedAnOffset() throws {
        let database = try ParkScanDatabase.inMemory()
        let csv = """
            reference,source,plate,zone,start,end
            S-1,app,M-AB 1,P1,2025-03-30 02:30,2025-03-30 04:00
            S-2,app,M-AB 2,P1,2025-10-26 02:30,2025-10-26 04:00
            S-3,app,M-AB 3,P1,2025-10-26T02:30+01:00,2025-10-26 04:00
            S-4,app,M-AB 4,P1,2025-10-26,2025-10-27
            """
        do {
            _ = try RightsImporter(database).importCSV(csv, name: "sessions.csv")
            Issue.record("the file was accepted")
        } catch let error as RightsImportError {
            #expect(error.problems.map(\.line) == [2, 3, 5])
            #expect(error.problems[0].reason.contains("does not exist in Europe/Berlin"))
            #expect(error.problems[1].reason.contains("exists twice in Europe/Berlin"))
            #expect(error.problems[2].reason.contains("needs a time of day"))
        }
    }
}
