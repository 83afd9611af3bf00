// The Exif orientation of JPEG and PNG frames, applied as cv::imdecode applied it.
//
// Frames used to be decoded by OpenCV's imgcodecs, which turns an image upright by its Exif
// orientation tag. imgcodecs is no longer linked (with GDAL and 110 more libraries it cost
// every start of `parkscan` 33 MB resident and ~0.07 s), so the tag is read here.

#include "Internal.hpp"

#include <cstring>

namespace {

/// Reads the unsigned 16- and 32-bit numbers of a TIFF structure in its byte order; false
/// when the bytes end first.
struct TIFFReader {
    const uint8_t *bytes;
    size_t count;
    bool littleEndian;

    bool u16(size_t at, uint32_t &value) const {
        if (at + 2 > count) return false;
        value = littleEndian ? bytes[at] | bytes[at + 1] << 8 : bytes[at] << 8 | bytes[at + 1];
        return true;
    }

    bool u32(size_t at, uint32_t &value) const {
        uint32_t high, low;
        if (!u16(at, littleEndian ? low : high) || !u16(at + 2, littleEndian ? high : low)) return false;
        value = high << 16 | low;
        return true;
    }
};

} // namespace

namespace plate_vision {

int exifOrientation(const uint8_t *tiff, size_t count) {
    if (count < 8 || tiff[0] != tiff[1] || (tiff[0] != 'I' && tiff[0] != 'M')) return 1;
    TIFFReader reader{tiff, count, tiff[0] == 'I'};
    uint32_t mark, directory, entries;
    if (!reader.u16(2, mark) || mark != 42 || !reader.u32(4, directory) || !reader.u16(directory, entries)) return 1;
    // The first directory (IFD0) holds the main image's tags: 12 bytes each, tag first, a
    // SHORT value in the entry's value field. (imdecode gave up at an earlier entry whose
    // value lay outside the block; a block that broken is not worth copying that for.)
    const uint32_t orientationTag = 0x0112;
    for (uint32_t entry = 0; entry < entries; entry++) {
        size_t at = size_t(directory) + 2 + size_t(entry) * 12;
        uint32_t tag, value;
        if (!reader.u16(at, tag)) return 1;
        if (tag == orientationTag) return reader.u16(at + 8, value) && value >= 1 && value <= 8 ? int(value) : 1;
    }
    return 1;
}

int jpegExifOrientation(const uint8_t *bytes, size_t count) {
    int orientation = 1;
    size_t stop;
    walkJPEGSegments(bytes, count, stop, [&](uint8_t marker, size_t at) {
        // Only the first APP1 segment, as imdecode: Exif's comes first (XMP's may follow).
        if (marker != 0xE1) return true;
        // FF E1, the length (which counts itself), "Exif\0\0", the TIFF structure.
        size_t length = (size_t(bytes[at + 2]) << 8) | bytes[at + 3];
        if (length >= 8 && at + 10 <= count && std::memcmp(bytes + at + 4, "Exif", 4) == 0) {
            size_t end = std::min(count, at + 2 + length);
            orientation = exifOrientation(bytes + at + 10, end - (at + 10));
        }
        return false;
    });
    return orientation;
}

void applyExifOrientation(cv::Mat &image, int orientation) {
    // Orientation n: where the stored image's first row and column belong (TIFF 6.0, p. 37).
    switch (orientation) {
    case 2: cv::flip(image, image, 1); break;                        // mirrored left-right
    case 3: cv::rotate(image, image, cv::ROTATE_180); break;
    case 4: cv::flip(image, image, 0); break;                        // mirrored top-bottom
    case 5: cv::transpose(image, image); break;                      // mirrored along the main diagonal
    case 6: cv::rotate(image, image, cv::ROTATE_90_CLOCKWISE); break;
    case 7: cv::transpose(image, image); cv::flip(image, image, -1); break; // along the other diagonal
    case 8: cv::rotate(image, image, cv::ROTATE_90_COUNTERCLOCKWISE); break;
    default: break;                                                  // 1: upright already
    }
}

} // namespace plate_vision
