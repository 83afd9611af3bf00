// PNG frames decoded to BGR with libpng.
//
// OpenCV's imgcodecs is not linked: with GDAL and 110 more libraries it cost every start of
// `parkscan` 33 MB resident and ~0.07 s. This asks libpng for the same transformations
// imdecode with IMREAD_COLOR asked for (OpenCV 4.6, grfmt_png.cpp), so the pixels are the
// same: 16-bit samples keep their high byte, alpha and tRNS transparency are dropped (not
// composited), palettes and greyscale become BGR, no gamma correction, the eXIf orientation
// is applied. libpng's simplified API (png_image) would composite alpha, round 16-bit samples
// and correct gamma, so the classic one is used; its errors longjmp, to a setjmp in
// readPNGRows only, which has no object with a destructor (see PNGReading).

#include "Internal.hpp"

#include <csetjmp>
#include <cstdio>
#include <cstring>

#include <png.h>

namespace {

/// libpng's read state, its input and its last error; released on every path. It lives in
/// decodePNGToBGR, outside the jump from libpng's errors back to setjmp in readPNGRows, so
/// that jump skips no destructor.
struct PNGReading {
    const uint8_t *bytes;
    size_t count;
    size_t at = 0;
    png_structp png = nullptr;
    png_infop info = nullptr, end = nullptr;
    char message[256] = "";

    ~PNGReading() { png_destroy_read_struct(&png, &info, &end); }
};

void readBytes(png_structp png, png_bytep out, size_t length) {
    auto *reading = static_cast<PNGReading *>(png_get_io_ptr(png));
    if (length > reading->count - reading->at) png_error(png, "the file is truncated");
    std::memcpy(out, reading->bytes + reading->at, length);
    reading->at += length;
}

void keepError(png_structp png, png_const_charp message) {
    auto *reading = static_cast<PNGReading *>(png_get_error_ptr(png));
    std::snprintf(reading->message, sizeof reading->message, "%s", message);
    png_longjmp(png, 1);
}

/// libpng warns on stderr of what it recovers from (a bad CRC in an ancillary chunk, ...),
/// as imdecode let it; one line per frame would flood a live unit's log.
void skipWarning(png_structp, png_const_charp) {}

/// Reads the header and all rows into `image` (8-bit BGR). False when libpng fails.
bool readPNGRows(PNGReading &reading, cv::Mat &image) {
    png_structp png = reading.png;
    if (setjmp(png_jmpbuf(png)) != 0) return false;
    png_set_read_fn(png, &reading, readBytes);
    png_read_info(png, reading.info);
    png_uint_32 width, height;
    int depth, colourType;
    png_get_IHDR(png, reading.info, &width, &height, &depth, &colourType, nullptr, nullptr, nullptr);
    // imdecode's transformations for IMREAD_COLOR, in its order.
    if (depth == 16) png_set_strip_16(png);
    png_set_strip_alpha(png);
    if (colourType == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if ((colourType & PNG_COLOR_MASK_COLOR) == 0 && depth < 8) png_set_expand_gray_1_2_4_to_8(png);
    if (colourType & PNG_COLOR_MASK_COLOR) png_set_bgr(png);
    else png_set_gray_to_rgb(png);
    const int passes = png_set_interlace_handling(png);
    png_read_update_info(png, reading.info);
    if (png_get_rowbytes(png, reading.info) != size_t(width) * 3) png_error(png, "rows are not 8-bit BGR after conversion");
    image.create(int(height), int(width), CV_8UC3); // may throw: through no libpng frame
    for (int pass = 0; pass < passes; pass++) {
        for (int y = 0; y < image.rows; y++) png_read_row(png, image.ptr<uint8_t>(y), nullptr);
    }
    png_read_end(png, reading.end);
    return true;
}

/// The orientation in the PNG's eXIf chunk (before or after the image data); 1 if none.
int pngExifOrientation(const PNGReading &reading) {
    png_uint_32 size = 0;
    png_bytep exif = nullptr;
    if (png_get_valid(reading.png, reading.info, PNG_INFO_eXIf)) png_get_eXIf_1(reading.png, reading.info, &size, &exif);
    else if (png_get_valid(reading.png, reading.end, PNG_INFO_eXIf)) png_get_eXIf_1(reading.png, reading.end, &size, &exif);
    return exif ? plate_vision::exifOrientation(exif, size) : 1;
}

} // namespace

namespace plate_vision {

bool decodePNGToBGR(const uint8_t *bytes, size_t count, cv::Mat &image, std::string &problem) {
    PNGReading reading{bytes, count};
    reading.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &reading, keepError, skipWarning);
    if (reading.png) reading.info = png_create_info_struct(reading.png);
    if (reading.info) reading.end = png_create_info_struct(reading.png);
    if (!reading.end) {
        problem = "libpng cannot start (out of memory)";
        return false;
    }
    if (!readPNGRows(reading, image)) {
        problem = reading.message;
        image.release();
        return false;
    }
    applyExifOrientation(image, pngExifOrientation(reading));
    return true;
}

} // namespace plate_vision
