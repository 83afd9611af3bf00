import CPlateVision
import PlateReading
import TestSupport

/// JPEG files for tests: encoded by the shim's evidence encoder, then altered by hand.
enum TestJPEG {
    struct EncodingFailed: Error {}

    /// `bgr` (`width` * `height` BGR triples) encoded whole, nothing drawn on it.
    static func encode(bgr: [UInt8], width: Int, height: Int, quality: Int = 100) throws -> [UInt8] {
        let frame = try CameraFrame(packedBGR: bgr, width: width, height: height)
        var status = CPlateVision_Status()
        var bytes: UnsafeMutablePointer<UInt8>?
        var count = 0
        let result = frame.withFrameHandle {
            CPlateVision_EncodeEvidence($0, 0, 0, 0, 0, Int32(CPlateVision_EvidenceOverview), nil, Int32(quality),
                                        &bytes, &count, nil, &status)
        }
        guard result == 0, let bytes else { throw EncodingFailed() }
        defer { CPlateVision_EvidenceFree(bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: count))
    }

    /// A TIFF structure as Exif stores it: one directory with only the orientation tag.
    static func exifBlock(orientation: UInt16, littleEndian: Bool) -> [UInt8] {
        func u16(_ value: UInt16) -> [UInt8] {
            littleEndian ? [UInt8(value & 0xFF), UInt8(value >> 8)] : [UInt8(value >> 8), UInt8(value & 0xFF)]
        }
        func u32(_ value: UInt32) -> [UInt8] { littleEndian ? u16(UInt16(value & 0xFFFF)) + u16(UInt16(value >> 16)) : u16(UInt16(value >> 16)) + u16(UInt16(value & 0xFFFF)) }
        let byteOrder: [UInt8] = littleEndian ? Array("II".utf8) : Array("MM".utf8)
        // Header, directory at offset 8: one entry (tag 0x0112, SHORT, count 1, value), no next directory.
        return byteOrder + u16(42) + u32(8) + u16(1) + u16(0x0112) + u16(3) + u32(1) + u16(orientation) + u16(0) + u32(0)
    }

    /// `jpeg` with an APP1 Exif segment holding `orientation` right after its start marker,
    /// where cameras put it.
    static func withExif(_ jpeg: [UInt8], orientation: UInt16, littleEndian: Bool) -> [UInt8] {
        let data = Array("Exif".utf8) + [0, 0] + exifBlock(orientation: orientation, littleEndian: littleEndian)
        let length = data.count + 2
        return Array(jpeg[0..<2]) + [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + data + Array(jpeg[2...])
    }

    /// `jpeg` without its Huffman table segments (DHT), as Motion-JPEG cameras send frames
    /// coded with the standard tables.
    static func withoutHuffmanTables(_ jpeg: [UInt8]) -> [UInt8] {
        var out = Array(jpeg[0..<2])
        var at = 2
        while at + 4 <= jpeg.count, jpeg[at + 1] != 0xDA {
            let end = at + 2 + (Int(jpeg[at + 2]) << 8 | Int(jpeg[at + 3]))
            if jpeg[at + 1] != 0xC4 { out += jpeg[at..<end] }
            at = end
        }
        return out + jpeg[at...]
    }

    static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.filter(\.isHexDigit))
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
    }
}
