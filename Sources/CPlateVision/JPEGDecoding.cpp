// JPEG frames decoded straight to BGR with libjpeg-turbo.
//
// OpenCV 4.6's imdecode has libjpeg decode to RGB and then swaps every pixel's bytes in a
// scalar loop: on 1920x1080 camera frames that swap took more time than the decoding itself
// (perf, `parkscan watch`: 12 % of all CPU time in the swap, 8 % in libjpeg). libjpeg-turbo
// writes BGR itself (JCS_EXT_BGR) with the same arithmetic, so the pixels are the same bit
// for bit. Only the common case is handled here: three components, Huffman tables present,
// no Exif block (imdecode applies an Exif orientation); everything else goes to imdecode.

#include "Internal.hpp"

#include <csetjmp>
#include <cstdio>
#include <cstring>

#include <jpeglib.h>

namespace {

struct ErrorManager {
    jpeg_error_mgr pub;
    jmp_buf back;
};

void errorExit(j_common_ptr info) {
    longjmp(reinterpret_cast<ErrorManager *>(info->err)->back, 1);
}

/// libjpeg prints its warnings to stderr. It recovers from them (a short entropy segment is
/// filled in), as imdecode does, but OpenCV's own Motion-JPEG encoder provokes "Corrupt JPEG
/// data: premature end of data segment" in some 2 % of its frames: printed, that floods a
/// live unit's log at 50 frames a second. Warnings are therefore not printed.
void skipWarning(j_common_ptr, int) {}

/// True when the JPEG has an APP1 Exif block before its image data.
bool hasExif(const uint8_t *bytes, size_t count) {
    size_t stop;
    auto end = plate_vision::walkJPEGSegments(bytes, count, stop, [&](uint8_t marker, size_t at) {
        size_t length = (size_t(bytes[at + 2]) << 8) | bytes[at + 3];
        bool exif = marker == 0xE1 && length >= 8 && at + 10 <= count && std::memcmp(bytes + at + 4, "Exif", 4) == 0;
        return !exif;
    });
    return end == plate_vision::JPEGWalkEnd::stopped;
}

} // namespace

namespace plate_vision {

JPEGDecoding decodeJPEGToBGR(const uint8_t *bytes, size_t count, cv::Mat &image) {
    if (hasExif(bytes, count)) return JPEGDecoding::notHandled;
    jpeg_decompress_struct info;
    ErrorManager errors;
    info.err = jpeg_std_error(&errors.pub);
    errors.pub.error_exit = errorExit;
    errors.pub.emit_message = skipWarning;
    jpeg_create_decompress(&info);
    // volatile: read after a longjmp.
    volatile JPEGDecoding result = JPEGDecoding::failed;
    if (setjmp(errors.back) == 0) {
        jpeg_mem_src(&info, bytes, (unsigned long)count);
        jpeg_read_header(&info, TRUE);
        bool tablesPresent = info.ac_huff_tbl_ptrs[0] || info.ac_huff_tbl_ptrs[1] || info.dc_huff_tbl_ptrs[0]
                             || info.dc_huff_tbl_ptrs[1] || info.arith_code;
        if (info.num_components != 3 || !tablesPresent) {
            result = JPEGDecoding::notHandled;
        } else {
            info.out_color_space = JCS_EXT_BGR;
            jpeg_start_decompress(&info);
            image.create(int(info.output_height), int(info.output_width), CV_8UC3);
            while (info.output_scanline < info.output_height) {
                JSAMPROW row = image.ptr<uint8_t>(int(info.output_scanline));
                jpeg_read_scanlines(&info, &row, 1);
            }
            jpeg_finish_decompress(&info);
            result = JPEGDecoding::decoded;
        }
    }
    jpeg_destroy_decompress(&info);
    if (result != JPEGDecoding::decoded) image.release();
    return result;
}

} // namespace plate_vision
