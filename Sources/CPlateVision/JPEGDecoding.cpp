// JPEG frames decoded straight to BGR with libjpeg-turbo.
//
// OpenCV's imgcodecs is not linked: with GDAL and 110 more libraries it cost every start of
// `parkscan` 33 MB resident and ~0.07 s. Its imdecode also had libjpeg decode to RGB and
// then swapped every pixel's bytes in a scalar loop: on 1920x1080 camera frames that swap took
// more time than the decoding itself (perf, `parkscan watch`: 12 % of all CPU time in the
// swap, 8 % in libjpeg). libjpeg-turbo writes BGR itself (JCS_EXT_BGR) with the same
// arithmetic, so the pixels are the same bit for bit as imdecode's with IMREAD_COLOR, for
// every kind of JPEG it read: greyscale, colour, CMYK and YCCK (Adobe), Motion-JPEG frames
// without Huffman tables (libjpeg-turbo supplies the standard ones, as imdecode did), and
// with the Exif orientation applied.

#include "Internal.hpp"
#include "JPEGErrors.hpp"

namespace {

/// libjpeg prints its warnings to stderr. It recovers from them (a short entropy segment is
/// filled in), as imdecode does, but OpenCV's own Motion-JPEG encoder provokes "Corrupt JPEG
/// data: premature end of data segment" in some 2 % of its frames: printed, that floods a
/// live unit's log at 50 frames a second. Warnings are therefore not printed.
void skipWarning(j_common_ptr, int) {}

/// One row of CMYK as libjpeg gives it (Adobe's inverted ink, YCCK already converted) to BGR,
/// with imdecode's integer arithmetic.
void cmykToBGR(const uint8_t *cmyk, uint8_t *bgr, int width) {
    for (int x = 0; x < width; x++, cmyk += 4, bgr += 3) {
        int k = cmyk[3];
        bgr[2] = uint8_t(k - ((255 - cmyk[0]) * k >> 8));
        bgr[1] = uint8_t(k - ((255 - cmyk[1]) * k >> 8));
        bgr[0] = uint8_t(k - ((255 - cmyk[2]) * k >> 8));
    }
}

/// libjpeg's state and its last error; released on every path. It lives in
/// decodeJPEGToBGR, outside the jump from libjpeg's errors back to setjmp in decompress, so
/// that jump skips no destructor.
struct Decompressor {
    jpeg_decompress_struct info;
    plate_vision::JPEGErrors errors;
    Decompressor() {
        errors.install(reinterpret_cast<j_common_ptr>(&info));
        errors.pub.emit_message = skipWarning;
        info.mem = nullptr; // not created yet: jpeg_destroy has nothing to free
    }
    ~Decompressor() { jpeg_destroy_decompress(&info); }
};

/// Decodes all rows into `image` (8-bit BGR). False when libjpeg fails.
bool decompress(Decompressor &decompressor, const uint8_t *bytes, size_t count, cv::Mat &image) {
    jpeg_decompress_struct &info = decompressor.info;
    if (setjmp(decompressor.errors.back) != 0) return false;
    jpeg_create_decompress(&info); // after setjmp: out of memory, it fails through the error exit
    jpeg_mem_src(&info, bytes, (unsigned long)count);
    jpeg_read_header(&info, TRUE);
    // libjpeg converts greyscale and YCbCr to BGR itself, YCCK only to CMYK.
    const bool cmyk = info.num_components == 4;
    info.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_BGR;
    jpeg_start_decompress(&info);
    image.create(int(info.output_height), int(info.output_width), CV_8UC3); // may throw: through no libjpeg frame
    JSAMPARRAY cmykRow = cmyk ? info.mem->alloc_sarray(reinterpret_cast<j_common_ptr>(&info), JPOOL_IMAGE,
                                                       info.output_width * 4, 1)
                              : nullptr;
    while (info.output_scanline < info.output_height) {
        uint8_t *row = image.ptr<uint8_t>(int(info.output_scanline));
        if (cmyk) {
            jpeg_read_scanlines(&info, cmykRow, 1);
            cmykToBGR(cmykRow[0], row, image.cols);
        } else {
            jpeg_read_scanlines(&info, &row, 1);
        }
    }
    jpeg_finish_decompress(&info);
    return true;
}

} // namespace

namespace plate_vision {

bool decodeJPEGToBGR(const uint8_t *bytes, size_t count, cv::Mat &image, std::string &problem) {
    Decompressor decompressor;
    if (!decompress(decompressor, bytes, count, image)) {
        problem = decompressor.errors.message;
        image.release();
        return false;
    }
    applyExifOrientation(image, jpegExifOrientation(bytes, count));
    return true;
}

} // namespace plate_vision
