// Area-averaging downscale (OpenCV's INTER_AREA), with a fast path for 2/3: the detector's
// working size (1280) is exactly 2/3 of a 1920x1080 camera frame.
//
// For scale factors that are not 1/n, OpenCV 4.6 resizes by area with a general per-pixel
// weight table in float (ResizeArea_Invoker): on 1920x1080 BGR frames that took 16 % of all
// CPU time of `parkscan watch` (perf), more than decoding the JPEG. At 2/3 every 3x3 source
// block becomes 2x2 pixels with fixed weights (per axis 2:1 and 1:2), so integer sums do it
// exactly: each pixel is the area average rounded to nearest, the same bytes as OpenCV's
// (checked on a 1920x1080 frame: no byte differs), in a third of the time or less.

#include "Internal.hpp"

#include <opencv2/imgproc.hpp>

#include <vector>

namespace plate_vision {

namespace {

/// 2 * first + second, element by element (weights 2:1 between rows; vectorises).
void weighRows(const uint8_t *first, const uint8_t *second, uint16_t *out, int count) {
    for (int i = 0; i < count; i++) out[i] = uint16_t(2 * first[i] + second[i]);
}

/// round(sum / 9) for sums up to 9 * 255 (checked for every one: (sum + 4) / 9), in 16 bits.
inline uint8_t ninth(uint32_t sum) { return uint8_t(((sum + 4) * 7282u) >> 16); }

/// A row of weight-3 sums, its 3-pixel groups to 2 pixels (weights 2:1 and 1:2).
template <int channels>
void weighColumns(const uint16_t *row, uint8_t *out, int groups) {
    for (int g = 0; g < groups; g++) {
        const uint16_t *s = row + 3 * channels * g;
        uint8_t *o = out + 2 * channels * g;
        for (int c = 0; c < channels; c++) {
            o[c] = ninth(2u * s[c] + s[channels + c]);
            o[channels + c] = ninth(s[channels + c] + 2u * s[2 * channels + c]);
        }
    }
}

/// 2/3 of `source` (8-bit, 1 or 3 channels; its width and height multiples of 3).
void downscaleTwoThirds(const cv::Mat &source, cv::Mat &out) {
    const int channels = source.channels(), groups = source.cols / 3, rowLength = source.cols * channels;
    out.create(source.rows / 3 * 2, groups * 2, source.type());
    std::vector<uint16_t> upper(rowLength), lower(rowLength);
    for (int y = 0; y + 2 < source.rows; y += 3) {
        const uint8_t *top = source.ptr<uint8_t>(y), *middle = source.ptr<uint8_t>(y + 1), *bottom = source.ptr<uint8_t>(y + 2);
        weighRows(top, middle, upper.data(), rowLength);
        weighRows(bottom, middle, lower.data(), rowLength);
        const int row = y / 3 * 2;
        if (channels == 3) {
            weighColumns<3>(upper.data(), out.ptr<uint8_t>(row), groups);
            weighColumns<3>(lower.data(), out.ptr<uint8_t>(row + 1), groups);
        } else {
            weighColumns<1>(upper.data(), out.ptr<uint8_t>(row), groups);
            weighColumns<1>(lower.data(), out.ptr<uint8_t>(row + 1), groups);
        }
    }
}

} // namespace

namespace {

bool isTwoThirds(const cv::Mat &source, cv::Size size) {
    return source.depth() == CV_8U && (source.channels() == 1 || source.channels() == 3) && source.cols % 3 == 0 && source.rows % 3 == 0 && size.width * 3 == source.cols * 2
           && size.height * 3 == source.rows * 2;
}

} // namespace

void areaDownscale(const cv::Mat &source, cv::Mat &out, cv::Size size) {
    if (isTwoThirds(source, size)) downscaleTwoThirds(source, out);
    else cv::resize(source, out, size, 0, 0, cv::INTER_AREA);
}

void areaDownscale(const cv::Mat &source, cv::Mat &out, double scale) {
    // The size cv::resize gives for a scale.
    const cv::Size size(cv::saturate_cast<int>(source.cols * scale), cv::saturate_cast<int>(source.rows * scale));
    if (isTwoThirds(source, size)) downscaleTwoThirds(source, out);
    else cv::resize(source, out, cv::Size(), scale, scale, cv::INTER_AREA);
}

} // namespace plate_vision
