import Foundation
import Testing
import TestSupport

@testable import PlateReading

/// Every kind of JPEG and PNG a camera or a person may hand in decodes to the BGR frame
/// OpenCV's imdecode (IMREAD_COLOR) gave, now that the shim decodes with libjpeg-turbo and
/// libpng itself (JPEGDecoding.cpp, PNGDecoding.cpp, ExifOrientation.cpp).
struct FrameFormatTests {
    // MARK: JPEG

    /// 16x8, one component: the left 8x8 block level 32, the right 224 (libjpeg-turbo 2.1,
    /// quality 100, no JFIF header).
    static let greyJPEG = TestJPEG.bytes(hex: """
        FFD8FFDB004300010101010101010101010101010101010101010101010101010101010101010101
        01010101010101010101010101010101010101010101010101010101010101FFC0000B0800080010
        01011100FFC4001F0000010501010101010100000000000000000102030405060708090A0BFFC400
        B5100002010303020403050504040000017D01020300041105122131410613516107227114328191
        A1082342B1C11552D1F02433627282090A161718191A25262728292A3435363738393A4344454647
        48494A535455565758595A636465666768696A737475767778797A838485868788898A9293949596
        9798999AA2A3A4A5A6A7A8A9AAB2B3B4B5B6B7B8B9BAC2C3C4C5C6C7C8C9CAD2D3D4D5D6D7D8D9DA
        E1E2E3E4E5E6E7E8E9EAF1F2F3F4F5F6F7F8F9FAFFDA0008010100003F00FE3FEBFD802BFFD9
        """)

    /// 16x8, Adobe CMYK (four components, inverted ink as Photoshop writes it): the left
    /// block C, M, Y, K = 200, 100, 50, 128, the right all 255 (libjpeg-turbo 2.1, quality 100).
    static let cmykJPEG = TestJPEG.bytes(hex: """
        FFD8FFEE000E41646F626500640000000000FFDB0043000101010101010101010101010101010101
        01010101010101010101010101010101010101010101010101010101010101010101010101010101
        01010101010101FFC000140800080010044311004D11005911004B1100FFC4001F00000105010101
        01010100000000000000000102030405060708090A0BFFC400B51000020103030204030505040400
        00017D01020300041105122131410613516107227114328191A1082342B1C11552D1F02433627282
        090A161718191A25262728292A3435363738393A434445464748494A535455565758595A63646566
        6768696A737475767778797A838485868788898A92939495969798999AA2A3A4A5A6A7A8A9AAB2B3
        B4B5B6B7B8B9BAC2C3C4C5C6C7C8C9CAD2D3D4D5D6D7D8D9DAE1E2E3E4E5E6E7E8E9EAF1F2F3F4F5
        F6F7F8F9FAFFDA000E0443004D0059004B00003F00FE902BE1FAFE63E8AFDB8AFF004D8AFF00668A
        FEFE2BFFD9
        """)

    @Test func greyscaleJPEGBecomesThreeEqualChannels() throws {
        let frame = try CameraFrame(encoded: Self.greyJPEG)
        #expect(frame.width == 16 && frame.height == 8)
        let pixels = frame.rgbPixels()
        #expect(pixels.count == 16 * 8 * 3)
        #expect(frame.rgb(x: 3, y: 4, in: pixels) == [32, 32, 32])
        #expect(frame.rgb(x: 12, y: 4, in: pixels) == [224, 224, 224])
    }

    /// imdecode's CMYK arithmetic: R = K - (255 - C) * K / 256, and so on.
    @Test func cmykJPEGBecomesBGRAsImdecodeMadeIt() throws {
        let frame = try CameraFrame(encoded: Self.cmykJPEG)
        #expect(frame.width == 16 && frame.height == 8)
        let pixels = frame.rgbPixels()
        #expect(frame.rgb(x: 3, y: 4, in: pixels) == [101, 51, 26])
        #expect(frame.rgb(x: 12, y: 4, in: pixels) == [255, 255, 255])
    }

    /// 48x32: six 16x16 blocks (one JPEG MCU each) of six far-apart colours.
    static let blockColours: [[UInt8]] = [[220, 20, 20], [20, 220, 20], [20, 20, 220], [220, 220, 20], [240, 240, 240], [10, 10, 10]]

    static func blocksJPEG() throws -> [UInt8] {
        var bgr = [UInt8](repeating: 0, count: 48 * 32 * 3)
        for y in 0..<32 {
            for x in 0..<48 {
                let rgb = blockColours[y / 16 * 3 + x / 16]
                bgr.replaceSubrange((y * 48 + x) * 3..<(y * 48 + x) * 3 + 3, with: [rgb[2], rgb[1], rgb[0]])
            }
        }
        return try TestJPEG.encode(bgr: bgr, width: 48, height: 32)
    }

    /// Where the stored pixel (x, y) of a width x height image shows once turned upright by
    /// an Exif orientation (TIFF 6.0: where the stored first row and column belong).
    static func upright(_ x: Int, _ y: Int, width w: Int, height h: Int, orientation: Int) -> (x: Int, y: Int) {
        switch orientation {
        case 2: (w - 1 - x, y)
        case 3: (w - 1 - x, h - 1 - y)
        case 4: (x, h - 1 - y)
        case 5: (y, x)
        case 6: (h - 1 - y, x)
        case 7: (h - 1 - y, w - 1 - x)
        case 8: (y, w - 1 - x)
        default: (x, y)
        }
    }

    static func near(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        zip(a, b).allSatisfy { abs(Int($0) - Int($1)) <= 8 }
    }

    @Test(arguments: 1...8) func exifOrientationTurnsTheJPEGUpright(orientation: Int) throws {
        // Both byte orders: Intel for even orientations, Motorola for odd ones.
        let jpeg = TestJPEG.withExif(try Self.blocksJPEG(), orientation: UInt16(orientation), littleEndian: orientation % 2 == 0)
        let frame = try CameraFrame(encoded: jpeg)
        let turned = orientation >= 5
        #expect(frame.width == (turned ? 32 : 48) && frame.height == (turned ? 48 : 32))
        let pixels = frame.rgbPixels()
        for block in 0..<6 {
            let (x, y) = Self.upright(block % 3 * 16 + 8, block / 3 * 16 + 8, width: 48, height: 32, orientation: orientation)
            #expect(Self.near(frame.rgb(x: x, y: y, in: pixels), Self.blockColours[block]),
                    "orientation \(orientation), block \(block) at \(x),\(y): \(frame.rgb(x: x, y: y, in: pixels))")
        }
    }

    @Test func unknownExifOrientationLeavesTheJPEGAsStored() throws {
        let plain = try CameraFrame(encoded: try Self.blocksJPEG())
        let tagged = try CameraFrame(encoded: TestJPEG.withExif(try Self.blocksJPEG(), orientation: 9, littleEndian: true))
        #expect(tagged.width == 48 && tagged.rgbPixels() == plain.rgbPixels())
    }

    /// Motion-JPEG cameras leave out the standard Huffman tables; libjpeg-turbo supplies them.
    @Test func jpegWithoutHuffmanTablesDecodesAsWithThem() throws {
        var bgr = [UInt8](repeating: 0, count: 64 * 48 * 3)
        for i in bgr.indices { bgr[i] = UInt8(truncatingIfNeeded: i &* 7 / 3) }
        let jpeg = try TestJPEG.encode(bgr: bgr, width: 64, height: 48, quality: 90)
        let stripped = TestJPEG.withoutHuffmanTables(jpeg)
        #expect(stripped.count < jpeg.count - 400, "the DHT segments were not found")
        #expect(try CameraFrame(encoded: stripped).rgbPixels() == CameraFrame(encoded: jpeg).rgbPixels())
    }

    // MARK: PNG

    /// 16-bit samples keep their high byte (imdecode's png_set_strip_16): 0x12FF is 0x12,
    /// not 0x13 as rounding (libpng's simplified API) would make it.
    @Test func sixteenBitPNGKeepsTheHighByte() throws {
        let row: [UInt8] = [0x12, 0xFF, 0x56, 0xFF, 0x9A, 0xFF, 0xFF, 0x00, 0x00, 0x80, 0x00, 0x01]
        let frame = try CameraFrame(encoded: TinyPNG.image(width: 2, height: 1, colourType: .rgb, bitDepth: 16, rows: [row]))
        let pixels = frame.rgbPixels()
        #expect(frame.rgb(x: 0, y: 0, in: pixels) == [0x12, 0x56, 0x9A])
        #expect(frame.rgb(x: 1, y: 0, in: pixels) == [0xFF, 0x00, 0x00])
    }

    /// Alpha is dropped, not composited onto a background: a fully transparent pixel keeps
    /// its colour.
    @Test func alphaPNGKeepsTheColoursOfTransparentPixels() throws {
        let row: [UInt8] = [200, 100, 50, 0, 10, 20, 30, 128, 1, 2, 3, 255]
        let frame = try CameraFrame(encoded: TinyPNG.image(width: 3, height: 1, colourType: .rgbAlpha, rows: [row]))
        let pixels = frame.rgbPixels()
        #expect(frame.rgb(x: 0, y: 0, in: pixels) == [200, 100, 50])
        #expect(frame.rgb(x: 1, y: 0, in: pixels) == [10, 20, 30])
        #expect(frame.rgb(x: 2, y: 0, in: pixels) == [1, 2, 3])
    }

    @Test func sixteenBitGreyAlphaPNGBecomesGreyBGR() throws {
        let row: [UInt8] = [0xAB, 0xCD, 0x00, 0x00, 0x01, 0xFF, 0xFF, 0xFF]
        let frame = try CameraFrame(encoded: TinyPNG.image(width: 2, height: 1, colourType: .greyAlpha, bitDepth: 16, rows: [row]))
        let pixels = frame.rgbPixels()
        #expect(frame.rgb(x: 0, y: 0, in: pixels) == [0xAB, 0xAB, 0xAB])
        #expect(frame.rgb(x: 1, y: 0, in: pixels) == [0x01, 0x01, 0x01])
    }

    /// A 4-bit palette with transparency (tRNS): the palette's colours, transparency dropped.
    @Test func palettePNGBecomesItsColours() throws {
        let palette: [UInt8] = [10, 20, 30, 200, 100, 0, 0, 0, 255]
        let rows: [[UInt8]] = [[0x01, 0x21], [0x22, 0x10]] // 4 pixels a row, two to a byte
        let png = TinyPNG.image(width: 4, height: 2, colourType: .palette, bitDepth: 4, rows: rows,
                                chunks: [("PLTE", palette), ("tRNS", [0, 128])])
        let frame = try CameraFrame(encoded: png)
        let pixels = frame.rgbPixels()
        let colour = { (index: Int) in Array(palette[index * 3..<index * 3 + 3]) }
        for (i, index) in [0, 1, 2, 1, 2, 2, 1, 0].enumerated() {
            #expect(frame.rgb(x: i % 4, y: i / 4, in: pixels) == colour(index), "pixel \(i)")
        }
    }

    @Test func oneBitGreyPNGIsBlackAndWhite() throws {
        let frame = try CameraFrame(encoded: TinyPNG.image(width: 8, height: 1, bitDepth: 1, rows: [[0b1010_0000]]))
        let pixels = frame.rgbPixels()
        #expect((0..<4).map { frame.rgb(x: $0, y: 0, in: pixels)[0] } == [255, 0, 255, 0])
    }

    /// imdecode turned PNGs upright by an eXIf chunk too.
    @Test func exifChunkTurnsThePNGUpright() throws {
        let rows: [[UInt8]] = [[10, 10, 10, 200, 200, 200, 200, 200, 200]] // 3x1: dark, light, light
        let png = TinyPNG.image(width: 3, height: 1, colourType: .rgb, rows: rows,
                                chunks: [("eXIf", TestJPEG.exifBlock(orientation: 6, littleEndian: false))])
        let frame = try CameraFrame(encoded: png)
        #expect(frame.width == 1 && frame.height == 3)
        let pixels = frame.rgbPixels()
        #expect(frame.rgb(x: 0, y: 0, in: pixels) == [10, 10, 10])
        #expect(frame.rgb(x: 0, y: 2, in: pixels) == [200, 200, 200])
    }

    // MARK: Debug images

    /// PLATEVISION_DEBUG_DIR: the reader writes each candidate's images as PNG, readable again.
    @Test func debugImagesAreReadablePNGs() throws {
        let program = try #require(builtProgram("parkscan"), "swift test builds parkscan beside the tests")
        let folder = try TemporaryFolder()
        let run = try runProgram(program, ["read", "--json", Fixtures.path("reader/yellow-dutch-plate-blurred.jpg")],
                                 environment: ["PLATEVISION_DEBUG_DIR": folder.path])
        #expect(run.status == 0, "\(run.error)")
        #expect(!run.error.contains("cannot write"), "\(run.error)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".png") }
        #expect(written.contains("0-strip.png") && written.contains("0-ocr.png"), "\(written)")
        for name in written {
            let frame = try CameraFrame(contentsOf: folder.path + "/" + name)
            #expect(frame.width > 0 && frame.height > 0)
        }
    }
}
