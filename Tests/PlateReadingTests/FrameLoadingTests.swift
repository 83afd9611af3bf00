import Foundation
import Testing
import TestSupport

@testable import PlateReading

/// Bad input must give a clear error, never a crash or a huge allocation.
struct FrameLoadingTests {
    @Test func emptyBytesAreNotAnImage() {
        #expect(throws: PlateReadingError.self) { try CameraFrame(encoded: []) }
        do {
            _ = try CameraFrame(encoded: [])
        } catch {
            #expect(error.code == .notAnImage)
            #expect(error.message.contains("empty"))
        }
    }

    @Test func textIsNotAnImageAndTheMessageShowsItsFirstBytes() {
        do {
            _ = try CameraFrame(encoded: Array("hello, world".utf8))
            Issue.record("text decoded as an image")
        } catch {
            #expect(error.code == .notAnImage)
            #expect(error.message == "not a JPEG or PNG (first bytes 68 65 6c 6c)")
        }
    }

    @Test func hugePNGHeaderIsRefusedBeforeDecoding() {
        // A valid PNG signature and IHDR declaring 20000 x 20000 pixels, and nothing else.
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        bytes += Array("IHDR".utf8)
        bytes += [0x00, 0x00, 0x4E, 0x20, 0x00, 0x00, 0x4E, 0x20, 8, 2, 0, 0, 0, 0, 0, 0, 0]
        do {
            _ = try CameraFrame(encoded: bytes)
            Issue.record("a 400-megapixel header was accepted")
        } catch {
            #expect(error.code == .imageTooLarge)
            #expect(error.message.contains("20000x20000"))
        }
    }

    @Test func hugeJPEGHeaderIsRefusedBeforeDecoding() {
        // SOI, then a baseline start-of-frame declaring 20000 x 20000, then end of image.
        let bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x4E, 0x20, 0x4E, 0x20, 0x03,
                              1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xFF, 0xD9]
        do {
            _ = try CameraFrame(encoded: bytes)
            Issue.record("a 400-megapixel header was accepted")
        } catch {
            #expect(error.code == .imageTooLarge)
        }
    }

    /// A JPEG whose image data ends early (here: cut, then closed with an end-of-image marker)
    /// is decoded as libjpeg recovers it, without libjpeg's warning on standard error: a live
    /// stream with such frames must not flood the log.
    @Test func jpegWithShortImageDataIsReadWithoutLibjpegWarnings() throws {
        let program = try #require(builtProgram("parkscan"), "swift test builds parkscan beside the tests")
        let folder = try TemporaryFolder()
        let whole = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("reader/yellow-dutch-plate-blurred.jpg")))
        let short = folder.path + "/short.jpg"
        try (whole.prefix(whole.count * 7 / 10) + Data([0xFF, 0xD9])).write(to: URL(fileURLWithPath: short))
        let run = try runProgram(program, ["read", "--json", short])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("\"plates\""))
        #expect(!run.error.contains("JPEG"), "\(run.error)")
    }

    @Test func jpegWithoutFrameHeaderIsCorrupt() {
        do {
            _ = try CameraFrame(encoded: [0xFF, 0xD8, 0xFF])
            Issue.record("three bytes decoded as a JPEG")
        } catch {
            #expect(error.code == .corruptImage)
        }
    }

    @Test func truncatedPNGIsCorrupt() {
        let png = TinyPNG.grey(width: 64, height: 48)
        do {
            _ = try CameraFrame(encoded: Array(png.prefix(png.count / 2)))
            Issue.record("half a PNG decoded")
        } catch {
            #expect(error.code == .corruptImage)
            #expect(error.message == "PNG data is corrupt or truncated (the file is truncated)")
        }
    }

    /// libpng's own words reach the message: here zlib's checksum of the image data (IDAT)
    /// does not match.
    @Test func pngWithDamagedImageDataIsCorrupt() {
        var png = TinyPNG.grey(width: 64, height: 48)
        png[png.count - 40] ^= 0x10 // inside IDAT's stored pixels
        do {
            _ = try CameraFrame(encoded: png)
            Issue.record("a damaged PNG decoded")
        } catch {
            #expect(error.code == .corruptImage)
            #expect(error.message.hasPrefix("PNG data is corrupt"))
            #expect(error.message.hasSuffix("(IDAT: incorrect data check)"), "\(error.message)")
        }
    }

    @Test func jpegWithBogusHuffmanTableIsCorrupt() throws {
        var jpeg = FrameFormatTests.greyJPEG
        let table = try #require((0..<jpeg.count - 4).first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC4 })
        jpeg[table + 4] = 0x17 // table class 1, index 7: there are four
        do {
            _ = try CameraFrame(encoded: jpeg)
            Issue.record("a JPEG with a bogus Huffman table decoded")
        } catch {
            #expect(error.code == .corruptImage)
            #expect(error.message == "JPEG data is corrupt or truncated (Bogus DHT index 7)")
        }
    }

    /// Damaged anywhere, a frame decodes (libjpeg and libpng recover from some damage) or is
    /// refused with an error; the process never crashes.
    @Test func damagedFramesNeverCrash() throws {
        var bgr = [UInt8](repeating: 0, count: 96 * 64 * 3)
        for i in bgr.indices { bgr[i] = UInt8(truncatingIfNeeded: i &* 13 / 7) }
        let originals = [try TestJPEG.encode(bgr: bgr, width: 96, height: 64, quality: 80), TinyPNG.grey(width: 96, height: 64, level: 77),
                         FrameFormatTests.cmykJPEG]
        var random: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            random = random &* 6364136223846793005 &+ 1442695040888963407
            return Int(random >> 33) % bound
        }
        var refused = 0
        for original in originals {
            for _ in 0..<150 {
                var damaged = original
                for _ in 0..<1 + next(4) { damaged[2 + next(damaged.count - 2)] ^= UInt8(1 << next(8)) }
                if next(4) == 0 { damaged = Array(damaged.prefix(2 + next(damaged.count - 2))) }
                do {
                    let frame = try CameraFrame(encoded: damaged)
                    #expect(frame.width > 0 && frame.height > 0)
                } catch {
                    #expect([.corruptImage, .notAnImage, .imageTooLarge].contains(error.code), "\(error.message)")
                    refused += 1
                }
            }
        }
        #expect(refused > 0)
    }

    @Test func missingFileNamesThePathAndTheReason() {
        let path = "/nonexistent/frame-0042.jpg"
        do {
            _ = try CameraFrame(contentsOf: path)
            Issue.record("a missing file loaded")
        } catch {
            #expect(error.code == .fileUnreadable)
            #expect(error.message.contains("No such file"))
        }
    }

    @Test func folderIsNotReadAsAFile() {
        do {
            _ = try CameraFrame(contentsOf: NSTemporaryDirectory())
            Issue.record("a folder loaded as an image")
        } catch {
            #expect(error.code == .fileUnreadable || error.code == .notAnImage)
        }
    }

    @Test func readerNamesTheFileInItsError() throws {
        let reader = try PlateReader()
        let path = NSTemporaryDirectory() + "/parkscan-not-an-image-\(getpid()).jpg"
        try Data("not an image".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try reader.read(contentsOf: path)
            Issue.record("text read as an image")
        } catch {
            #expect(error.path == path)
            #expect(error.description.hasPrefix(path + ": not a JPEG or PNG"))
        }
    }

    @Test func unknownModelGivesAnActionableError() {
        do {
            _ = try PlateReader(configuration: .init(model: OCRModel(name: "no-such-model")))
            Issue.record("a missing model loaded")
        } catch {
            #expect(error.code == .ocrUnavailable)
            #expect(error.message.contains("no-such-model"))
        }
    }
}
