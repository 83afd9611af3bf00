import Foundation
import Testing
@testable import DriveInput

private let validLines = [
    "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A",
    "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47",
]

@Test func randomBytesNeverCrashTheNMEAParser() {
    var generator = SeededGenerator(seed: 2026)
    for _ in 0 ..< 300 {
        let count = Int.random(in: 0 ... 200, using: &generator)
        let bytes = (0 ..< count).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
        let log = NMEAParser.log(from: Data(bytes), file: "noise.nmea")
        #expect(log.fixes.count <= 1 + bytes.count(where: { $0 == 0x0A }))
    }
}

@Test func truncatedSentencesAreRejectedNotCrashed() {
    for line in validLines {
        for length in 0 ..< line.count {
            let prefix = String(line.prefix(length))
            // Every proper prefix loses (part of) the checksum, so none may be accepted.
            #expect(throws: DriveInputError.self, "\(prefix)") {
                guard try NMEAParser.sentence(from: prefix) != nil || prefix.isEmpty else { return }
                throw DriveInputError(code: .invalidSentence, message: "accepted")
            }
        }
    }
}

@Test func mangledFieldsWithValidChecksumsNeverCrash() {
    var generator = SeededGenerator(seed: 7)
    let alphabet = Array("0123456789.,-+NSEWAV*$ eZ\u{00FC}\u{0000}")
    for _ in 0 ..< 500 {
        let base = validLines.randomElement(using: &generator)!
        var body = Array(base.dropFirst().prefix { $0 != "*" })
        for _ in 0 ..< Int.random(in: 1 ... 6, using: &generator) {
            let index = Int.random(in: 0 ..< body.count, using: &generator)
            switch Int.random(in: 0 ... 2, using: &generator) {
            case 0: body[index] = alphabet.randomElement(using: &generator)!
            case 1: body.remove(at: index)
            default: body.insert(alphabet.randomElement(using: &generator)!, at: index)
            }
            if body.isEmpty { body = ["G"] }
        }
        let line = sentence(String(body))
        let log = NMEAParser.log(from: Data(line.utf8), file: "mangled.nmea")
        for fix in log.fixes {
            #expect(fix.location.isValid, "\(line)")
        }
    }
}

@Test func randomBytesNeverCrashTheGPXReader() {
    var generator = SeededGenerator(seed: 11)
    for _ in 0 ..< 100 {
        let count = Int.random(in: 0 ... 300, using: &generator)
        let bytes = (0 ..< count).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
        _ = try? GPXReader.log(from: Data(bytes), file: "noise.gpx")
    }
}

@Test func truncatedGPXIsAnErrorOrPartialNeverACrash() {
    let document = """
    <gpx version="1.1"><trk><trkseg>
    <trkpt lat="48.1" lon="11.5"><ele>500</ele><time>2024-11-26T09:12:25.5Z</time></trkpt>
    <trkpt lat="48.2" lon="11.6"><time>2024-11-26T09:12:26+01:00</time></trkpt>
    </trkseg></trk></gpx>
    """
    let bytes = Array(document.utf8)
    for length in stride(from: 0, to: bytes.count, by: 3) {
        #expect(throws: DriveInputError.self) {
            _ = try GPXReader.log(from: Data(bytes.prefix(length)), file: "cut.gpx")
        }
    }
}

@Test func randomTextNeverCrashesTheTimeParsers() {
    var generator = SeededGenerator(seed: 3)
    let alphabet = Array("0123456789-:T.Z+ ")
    for _ in 0 ..< 1000 {
        let text = String((0 ..< Int.random(in: 0 ... 32, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        _ = UTCTime.parseISO8601(text)
        _ = UTCTime.parseISO8601(text, assumingUTC: true)
    }
}
