// PNG files of the reader's intermediate images (PLATEVISION_DEBUG_DIR), written with libpng.
//
// OpenCV's imgcodecs (cv::imwrite) is not linked: with GDAL and 110 more libraries it cost
// every start of `parkscan` 33 MB resident and ~0.07 s. libpng's simplified API writes an
// 8-bit grey or BGR image in one call and reports errors by its return value.

#include "Internal.hpp"

#include <cstring>

#include <png.h>

namespace plate_vision {

bool writePNG(const std::string &path, const cv::Mat &image, std::string &problem) {
    if (image.depth() != CV_8U || (image.channels() != 1 && image.channels() != 3)) {
        problem = "only 8-bit grey or BGR images are written";
        return false;
    }
    png_image png;
    std::memset(&png, 0, sizeof png);
    png.version = PNG_IMAGE_VERSION;
    png.width = png_uint_32(image.cols);
    png.height = png_uint_32(image.rows);
    png.format = image.channels() == 1 ? PNG_FORMAT_GRAY : PNG_FORMAT_BGR;
    // The row stride counts components, which are bytes here.
    if (png_image_write_to_file(&png, path.c_str(), 0, image.data, png_int_32(image.step), nullptr)) return true;
    problem = png.message; // libpng has released its state already
    return false;
}

} // namespace plate_vision
