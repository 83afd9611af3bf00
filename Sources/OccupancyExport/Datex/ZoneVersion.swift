import Enforcement

/// Versions of the published zones and of the parking table, derived from their content.
///
/// A DATEX II record's `version` must change whenever the record changes, and a status must
/// name the table version it belongs to. Deriving both from a hash of everything the table
/// publishes about a zone (id, name, kind, hours, capacity, geometry, ...) means an edited
/// zone file gives a new version without anyone keeping a counter, and an unchanged map keeps
/// its version across restarts and machines. The hash is 64-bit FNV-1a, written as 12 hex
/// digits: change detection, not security.
public enum ZoneVersion {
    /// The version of one zone's record.
    public static func of(_ zone: ParkingZone) -> String {
        var hash = FNV1a()
        hash.add(zone.id)
        hash.add(zone.name)
        hash.add(zone.kind.rawValue)
        hash.add(zone.hours.text)
        hash.add(zone.maxStayMinutes.map(String.init) ?? "-")
        hash.add(zone.parkingDisc ? "disc" : "no-disc")
        hash.add(String(zone.graceMinutes))
        hash.add(String(zone.capacity))
        hash.add(zone.permitAreas.joined(separator: ","))
        hash.add(String(zone.confirmationMinutes))
        hash.add(zone.side?.rawValue ?? "-")
        hash.add(zone.street ?? "-")
        for polygon in zone.shape.polygons {
            hash.add("polygon")
            for ring in [polygon.outer] + polygon.holes {
                hash.add("ring")
                for point in ring {
                    hash.add(point.latitude.bitPattern)
                    hash.add(point.longitude.bitPattern)
                }
            }
        }
        return hash.hex
    }

    /// The version of the parking table of `map`: changes when any zone is added, removed,
    /// reordered or changed.
    public static func ofTable(_ map: ZoneMap) -> String {
        var hash = FNV1a()
        for zone in map.zones {
            hash.add(zone.id)
            hash.add(of(zone))
        }
        return hash.hex
    }
}

/// 64-bit FNV-1a over strings (length-prefixed, so "ab","c" differs from "a","bc") and integers.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    mutating func add(_ number: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { add(UInt8(truncatingIfNeeded: number >> UInt64(shift))) }
    }

    mutating func add(_ text: String) {
        add(UInt64(text.utf8.count))
        for byte in text.utf8 { add(byte) }
    }

    mutating func add<Bytes: Sequence<UInt8>>(bytes: Bytes) {
        for byte in bytes { add(byte) }
    }

    /// The first 12 hex digits (48 bits).
    var hex: String {
        let text = String(value >> 16, radix: 16)
        return String(repeating: "0", count: 12 - text.count) + text
    }

    /// All 16 hex digits.
    var fullHex: String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}

/// A fingerprint of a document's bytes (64-bit FNV-1a, 16 hex digits), e.g. for an HTTP ETag.
public enum ContentFingerprint {
    public static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var hash = FNV1a()
        hash.add(bytes: bytes)
        return hash.fullHex
    }
}
