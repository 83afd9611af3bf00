import Foundation
import Testing
import Enforcement

@Suite struct RightsLookupTests {
    static let plate = PlateKey.german("M-AB 1234")

    /// A permit for W1/W2 in 2025, sessions in P1 (10:00-11:00) and P2 (12:00-13:00) on
    /// 2025-06-02, an exemption for L1 in June and one for all zones for MA-B 1234.
    static func seed(_ database: ParkScanDatabase) throws {
        try database.writer.write { db in
            try ResidentPermit(reference: "P-1", plate: plate, areas: ["W2", "W1"],
                               validFrom: berlin("2025-01-01 00:00"), validTo: berlin("2026-01-01 00:00")).insert(db)
            try PaidSession(source: "app", reference: "S-1", plate: plate, zone: "P1",
                            start: berlin("2025-06-02 10:00"), end: berlin("2025-06-02 11:00")).insert(db)
            try PaidSession(source: "app", reference: "S-2", plate: plate, zone: "P2",
                            start: berlin("2025-06-02 12:00"), end: berlin("2025-06-02 13:00")).insert(db)
            try Exemption(reference: "E-1", plate: plate, reason: .delivery, zones: ["L1"],
                          validFrom: berlin("2025-06-01 00:00"), validTo: berlin("2025-07-01 00:00")).insert(db)
            try Exemption(reference: "E-2", plate: .german("MA-B 1234"), reason: .municipalVehicle, zones: [],
                          validFrom: berlin("2025-01-01 00:00"), validTo: berlin("2026-01-01 00:00")).insert(db)
        }
    }

    func rights(_ database: ParkScanDatabase, _ plate: String = "M-AB 1234", zone: String, _ time: String) throws -> [ParkingRight] {
        try RightsStore(database: database).rights(for: plate, zone: zone, at: berlin(time))
    }

    @Test(arguments: RightsStorage.allCases)
    func permitCountsOnlyWithinItsValidity(storage: RightsStorage) throws {
        try storage.withDatabase { database in
            try Self.seed(database)
            #expect(try rights(database, zone: "R1", "2025-01-01 00:00") == [.residentPermit(areas: ["W1", "W2"])])
            #expect(try rights(database, zone: "R1", "2024-12-31 23:59").isEmpty)
            #expect(try rights(database, zone: "R1", "2026-01-01 00:00").isEmpty)
        }
    }

    @Test(arguments: RightsStorage.allCases)
    func sessionCountsInItsZoneOnly(storage: RightsStorage) throws {
        try storage.withDatabase { database in
            try Self.seed(database)
            let session = ParkingRight.paidSession(start: berlin("2025-06-02 10:00"), end: berlin("2025-06-02 11:00"))
            let permit = ParkingRight.residentPermit(areas: ["W1", "W2"])
            #expect(try rights(database, zone: "P1", "2025-06-02 10:30") == [permit, session])
            #expect(try rights(database, zone: "P3", "2025-06-02 10:30") == [permit])
            // Not started yet: not returned. Ended recently: returned, for grace.
            #expect(try rights(database, zone: "P1", "2025-06-02 09:59") == [permit])
            #expect(try rights(database, zone: "P1", "2025-06-02 11:04") == [permit, session])
            // Ended sessions are returned for 24 hours (RightsStore.defaultSessionLookback).
            #expect(try rights(database, zone: "P1", "2025-06-02 18:00") == [permit, session])
            #expect(try rights(database, zone: "P1", "2025-06-03 11:01") == [permit])
        }
    }

    @Test(arguments: RightsStorage.allCases)
    func exemptionCountsInItsZonesOrEverywhere(storage: RightsStorage) throws {
        try storage.withDatabase { database in
            try Self.seed(database)
            #expect(try rights(database, zone: "L1", "2025-06-10 08:00").contains(.exemption))
            #expect(try !rights(database, zone: "L2", "2025-06-10 08:00").contains(.exemption))
            #expect(try !rights(database, zone: "L1", "2025-07-01 08:00").contains(.exemption))
            #expect(try rights(database, "MA-B 1234", zone: "anything", "2025-06-10 08:00") == [.exemption])
        }
    }

    @Test func otherSplitHasNoRights() throws {
        let database = try ParkScanDatabase.inMemory()
        try Self.seed(database)
        #expect(try rights(database, "MA-B 1234", zone: "P1", "2025-06-02 10:30") == [.exemption])
        #expect(try rights(database, "MAB1234", zone: "P1", "2025-06-02 10:30").isEmpty)
    }

    @Test func storeFeedsTheZoneRule() throws {
        let database = try ParkScanDatabase.inMemory()
        try Self.seed(database)
        let store = RightsStore(database: database)
        let paid = RuleFixtures.zone(.paid, hours: "Mo-Sa 08:00-20:00", grace: 5)
        let seen = ParkingObservation(firstSeen: berlin("2025-06-02 10:30"), lastSeen: berlin("2025-06-02 11:03"))
        let inP1 = try store.rights(for: Self.plate, zone: "P1", at: seen.lastSeen)
        #expect(paid.decision(for: seen, rights: inP1) == .compliant(.paidSessionGrace))
        let inP3 = try store.rights(for: Self.plate, zone: "P3", at: seen.lastSeen)
        #expect(paid.decision(for: seen, rights: inP3).violatedRule == .noPaidSession)
    }

    @Test(arguments: RightsStorage.allCases)
    func endedRightsAreDeleted(storage: RightsStorage) throws {
        try storage.withDatabase { database in
            try Self.seed(database)
            let store = RightsStore(database: database)
            #expect(try store.deleteRights(endedBefore: berlin("2025-06-02 12:30")) == 1)
            #expect(try store.counts() == (1, 1, 2))
            #expect(try store.deleteRights(endedBefore: berlin("2026-01-01 00:00")) == 4)
            #expect(try store.counts() == (0, 0, 0))
        }
    }
}
