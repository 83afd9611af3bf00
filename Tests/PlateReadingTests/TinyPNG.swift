/// Minimal valid PNG files, written by hand for tests (stored, uncompressed deflate blocks).
enum TinyPNG {
    /// PNG colour types (PNG 1.2, IHDR).
    enum ColourType: UInt8 {
        case grey = 0, rgb = 2, palette = 3, greyAlpha = 4, rgbAlpha = 6
    }

    static func grey(width: Int, height: Int, level: UInt8 = 128) -> [UInt8] {
        image(width: width, height: height, rows: Array(repeating: [UInt8](repeating: level, count: width), count: height))
    }

    /// A non-interlaced PNG of `rows` (each row's samples packed as PNG stores them: 16-bit
    /// big-endian, depths below 8 several to a byte), with `chunks` (e.g. PLTE, tRNS, eXIf)
    /// between the header and the image data.
    static func image(width: Int, height: Int, colourType: ColourType = .grey, bitDepth: UInt8 = 8,
                      rows: [[UInt8]], chunks: [(type: String, data: [UInt8])] = []) -> [UInt8] {
        var raw: [UInt8] = []
        for row in rows { raw += [0] + row } // filter type 0: none
        var zlib: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let block = Array(raw[offset..<min(offset + 65535, raw.count)])
            offset += block.count
            let last: UInt8 = offset >= raw.count ? 1 : 0
            let length = UInt16(block.count)
            zlib += [last, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)] + block
        } while offset < raw.count
        zlib += bigEndian(adler32(raw))
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png += chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [bitDepth, colourType.rawValue, 0, 0, 0])
        for extra in chunks { png += chunk(extra.type, extra.data) }
        png += chunk("IDAT", zlib)
        png += chunk("IEND", [])
        return png
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }

    private static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
