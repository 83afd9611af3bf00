// Character slant: a plate seen from the side of the street has its text line sloping in the
// frame while its characters' strokes stay upright (the camera does not roll). Straightening
// the strip by the line's slope alone leans every character, as if in italics, by that
// slope. The glyph network and Tesseract learned upright plate fonts, and the Q's tail, the
// one thing that tells it from O, sits where a leaning O's bottom is.

#include "Internal.hpp"

#include <cmath>
#include <vector>

namespace plate_vision {

namespace {

/// Slants tried: up to this far from the upright strokes' expected slant (see `characterSlant`).
constexpr float slantWindow = 0.1f;
constexpr float slantStep = 0.025f;

/// How sharply the ink stands in columns when sheared by `slant`: the sum of the squared
/// ink counts of each column. Upright strokes pile their ink into few columns.
double columnSharpness(const std::vector<cv::Point> &ink, float centreRow, float slant, int width) {
    const int pad = int(std::ceil(std::abs(slant) * centreRow)) + 1;
    std::vector<int> counts(size_t(width + 2 * pad), 0);
    for (const cv::Point &p : ink) {
        const int column = int(std::lround(p.x + slant * (p.y - centreRow))) + pad;
        if (column >= 0 && column < int(counts.size())) counts[size_t(column)]++;
    }
    double sum = 0;
    for (int count : counts) sum += double(count) * count;
    return sum;
}

} // namespace

float characterSlant(const cv::Mat &ink, const cv::Rect &interior, float lineSlope) {
    const cv::Rect area = interior & cv::Rect(0, 0, ink.cols, ink.rows);
    if (area.height < 8 || area.width < 8) return 0;
    std::vector<cv::Point> points;
    cv::findNonZero(ink(area), points);
    if (points.size() < size_t(area.height) * 4) return 0;
    const float centreRow = 0.5f * float(area.height - 1);
    float best = 0;
    double bestSharpness = columnSharpness(points, centreRow, 0, area.width);
    for (float slant = -lineSlope - slantWindow; slant <= -lineSlope + slantWindow + 1e-4f; slant += slantStep) {
        const double sharpness = columnSharpness(points, centreRow, slant, area.width);
        if (sharpness > bestSharpness) bestSharpness = sharpness, best = slant;
    }
    return best;
}

} // namespace plate_vision
