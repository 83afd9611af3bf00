import Foundation

/// Reads NMEA 0183 GPS logs: `$..RMC` and `$..GGA` sentences, checksums verified.
///
/// A sentence is `$<body>*hh`, where `hh` is the XOR of every byte of `<body>` in two hex
/// digits. Every sentence's checksum is verified, whatever its type; a sentence with a bad
/// or missing checksum, or with a malformed field in RMC or GGA, is skipped and reported.
/// Sentences of other types (GSA, GSV, VTG, proprietary `$P…`) are ignored silently.
/// Nothing in a line, however garbled, makes the parser crash or stop.
public enum NMEAParser {
    /// Parses one line.
    ///
    /// - Returns: the sentence, or nil for a well-formed sentence of another type and for
    ///   empty lines.
    /// - Throws: ``DriveInputError`` with code `.invalidSentence` for a line that is not a
    ///   sentence, a bad or missing checksum, or a malformed RMC/GGA field. No path or line
    ///   is set; ``log(from:file:)`` adds them.
    public static func sentence(from line: String) throws(DriveInputError) -> NMEASentence? {
        try sentence(bytes: Array(line.utf8))
    }

    /// The checksum of a sentence body (the bytes between `$` and `*`): their XOR.
    public static func checksum(ofBody body: some Sequence<UInt8>) -> UInt8 {
        body.reduce(0, ^)
    }

    static func sentence(bytes raw: [UInt8]) throws(DriveInputError) -> NMEASentence? {
        let line = trimmed(raw)
        guard let first = line.first else { return nil }
        guard first == UInt8(ascii: "$") else {
            throw invalid("not an NMEA sentence (does not start with $)")
        }
        guard let star = line.lastIndex(of: UInt8(ascii: "*")) else {
            throw invalid("no checksum (*hh) at the end")
        }
        let body = line[(line.startIndex + 1) ..< star]
        let given = line[(star + 1)...]
        guard given.count == 2, let stated = UInt8(String(decoding: given, as: UTF8.self), radix: 16) else {
            throw invalid("checksum \"\(String(decoding: given.prefix(8), as: UTF8.self))\" is not two hex digits")
        }
        let computed = checksum(ofBody: body)
        guard computed == stated else {
            throw invalid("checksum is \(hex(computed)), sentence says \(hex(stated))")
        }
        let fields = String(decoding: body, as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false)
        let address = fields[0]
        guard address.count == 5, !address.hasPrefix("P") else { return nil }
        switch address.suffix(3) {
        case "RMC": return .rmc(try recommendedMinimum(Array(fields.dropFirst())))
        case "GGA": return .gga(try fixData(Array(fields.dropFirst())))
        default: return nil
        }
    }

    private static func recommendedMinimum(_ fields: [Substring]) throws(DriveInputError) -> NMEASentence.RecommendedMinimum {
        guard fields.count >= 9 else {
            throw invalid("RMC has \(fields.count) fields; needs at least 9 (time … date)")
        }
        let status = fields[1]
        guard status == "A" || status == "V" else {
            throw invalid("status \"\(status.prefix(8))\" is not A (active) or V (void)")
        }
        let mode = fields.count > 11 ? fields[11] : ""
        guard status == "A", mode != "N" else {
            // A void sentence may still carry the date and time; its other fields are not used.
            let seconds = try? NMEAField.secondsOfDay(fields[0])
            let day = try? NMEAField.date(fields[8])
            return .init(time: combine(day, seconds), isValid: false, location: nil)
        }
        guard let seconds = try NMEAField.secondsOfDay(fields[0]) else { throw invalid("active RMC without time") }
        guard let day = try NMEAField.date(fields[8]) else { throw invalid("active RMC without date") }
        guard let latitude = try NMEAField.coordinate(fields[2], fields[3], isLatitude: true),
              let longitude = try NMEAField.coordinate(fields[4], fields[5], isLatitude: false)
        else { throw invalid("active RMC without position") }
        return .init(
            time: combine(day, seconds), isValid: true,
            location: GeoPoint(latitude: latitude, longitude: longitude),
            speedKnots: try NMEAField.number(fields[6], name: "speed"),
            course: try NMEAField.number(fields[7], name: "course")
        )
    }

    private static func fixData(_ fields: [Substring]) throws(DriveInputError) -> NMEASentence.FixData {
        guard fields.count >= 6 else {
            throw invalid("GGA has \(fields.count) fields; needs at least 6 (time … fix quality)")
        }
        guard let quality = try NMEAField.integer(fields[5], name: "fix quality"), quality <= 9 else {
            throw invalid("fix quality \"\(fields[5].prefix(8))\" is not a digit 0…9")
        }
        let optional = { (index: Int) -> Substring in index < fields.count ? fields[index] : "" }
        if quality == 0 {
            return .init(secondsOfDay: try? NMEAField.secondsOfDay(fields[0]), location: nil, fixQuality: 0)
        }
        guard let seconds = try NMEAField.secondsOfDay(fields[0]) else { throw invalid("GGA with a fix but without time") }
        guard let latitude = try NMEAField.coordinate(fields[1], fields[2], isLatitude: true),
              let longitude = try NMEAField.coordinate(fields[3], fields[4], isLatitude: false)
        else { throw invalid("GGA with a fix but without position") }
        return .init(
            secondsOfDay: seconds,
            location: GeoPoint(latitude: latitude, longitude: longitude),
            fixQuality: quality,
            satellites: try NMEAField.integer(optional(6), name: "satellites"),
            horizontalDilution: try NMEAField.number(optional(7), name: "HDOP"),
            altitude: try NMEAField.number(optional(8), name: "altitude")
        )
    }

    private static func combine(_ day: (year: Int, month: Int, day: Int)?, _ seconds: Double?) -> Date? {
        guard let day, let seconds else { return nil }
        return UTCTime.date(year: day.year, month: day.month, day: day.day, secondsOfDay: seconds)
    }

    private static func trimmed(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }),
              let end = bytes.lastIndex(where: { !isSpace($0) }) else { return [] }
        return bytes[start ... end]
    }

    private static func hex(_ value: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(value >> 4)], digits[Int(value & 0x0F)]])
    }

    private static func invalid(_ message: String) -> DriveInputError {
        DriveInputError(code: .invalidSentence, message: message)
    }
}
