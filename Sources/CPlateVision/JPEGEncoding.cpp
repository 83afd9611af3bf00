// Evidence JPEGs encoded in memory with libjpeg-turbo.
//
// OpenCV's imgcodecs (cv::imencode) is not linked: with GDAL and 110 more libraries it cost
// every start of `parkscan` 33 MB resident and ~0.07 s. The settings are imencode's
// (libjpeg's defaults: baseline, 4:2:0, JFIF header; the quality with baseline tables), so
// the bytes are the same as before; libjpeg-turbo reads the BGR rows itself (JCS_EXT_BGR)
// where imencode swapped each row to RGB first.

#include "Internal.hpp"
#include "JPEGErrors.hpp"

#include <cstdlib>

namespace {

/// libjpeg's state, its output and its last error; released on every path. It lives in
/// encodeBGRToJPEG, outside the jump from libjpeg's errors back to setjmp in compress, so
/// that jump skips no destructor.
struct JPEGEncoder {
    jpeg_compress_struct info;
    plate_vision::JPEGErrors errors;
    /// jpeg_mem_dest's output buffer, from malloc. libjpeg moves it to a bigger one as it
    /// writes and updates these two only in the destination's term_destination (called by
    /// jpeg_finish_compress); until then `writing` is true.
    unsigned char *buffer = nullptr;
    unsigned long size = 0;
    bool writing = false;

    JPEGEncoder() {
        errors.install(reinterpret_cast<j_common_ptr>(&info));
        info.mem = nullptr; // not created yet: jpeg_destroy has nothing to free
    }
    ~JPEGEncoder() {
        if (writing) info.dest->term_destination(&info); // failed midway: where the buffer is now
        std::free(buffer);
        jpeg_destroy_compress(&info);
    }
};

bool compress(JPEGEncoder &encoder, const cv::Mat &image, int quality) {
    jpeg_compress_struct &info = encoder.info;
    if (setjmp(encoder.errors.back) != 0) return false;
    jpeg_create_compress(&info); // after setjmp: out of memory, it fails through the error exit
    jpeg_mem_dest(&info, &encoder.buffer, &encoder.size);
    encoder.writing = true;
    info.image_width = JDIMENSION(image.cols);
    info.image_height = JDIMENSION(image.rows);
    info.input_components = 3;
    info.in_color_space = JCS_EXT_BGR;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, quality, TRUE /* baseline tables */);
    jpeg_start_compress(&info, TRUE);
    while (info.next_scanline < info.image_height) {
        JSAMPROW row = const_cast<uint8_t *>(image.ptr<uint8_t>(int(info.next_scanline)));
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    encoder.writing = false;
    return true;
}

} // namespace

namespace plate_vision {

bool encodeBGRToJPEG(const cv::Mat &image, int quality, uint8_t *&bytes, size_t &count, std::string &problem) {
    if (image.type() != CV_8UC3 || image.empty()) {
        problem = "only a non-empty 8-bit BGR image is encoded";
        return false;
    }
    JPEGEncoder encoder;
    if (!compress(encoder, image, quality)) {
        problem = encoder.errors.message;
        return false;
    }
    // Handed over: jpeg_mem_dest allocates with malloc, so CPlateVision_EvidenceFree's free
    // releases it.
    bytes = encoder.buffer;
    count = encoder.size;
    encoder.buffer = nullptr;
    return true;
}

} // namespace plate_vision
