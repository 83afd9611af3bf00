// Motion blur: a scan car passes parked cars at 10-30 km/h, so during the exposure a plate's
// vertical strokes smear sideways while its horizontal edges stay sharp. Blur about a
// stroke's width joins the characters of a line into bars that neither Tesseract nor the
// glyph network can read. Its length is measured on the plate's own characters and undone.

#include "Internal.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace plate_vision {

namespace {

/// Sideways blur is undone from this length on, in strip pixels (characters 44 px high):
/// the strokes of a sharp plate are 4-8 px wide, and their width is what the estimate
/// finds on an unblurred line. Measured (200 rendered frames, seed 2026 / a held-out 200,
/// seed 4242; 60 real photos): from 7 px 146 / - and 52, from 9 px 147 / 146 and 52 read;
/// 141 / 143 and 52 without.
constexpr int shortestStripBlur = 9;
/// ... and from this length in frame pixels: a small plate's strip is scaled up 3-4 times, and
/// the scaling's own softness once passed for motion on a real photo (`ZA 834CO`, 12 px
/// characters, read `A-BB 400` after deblurring). From 3.5, 4, 5 or 6 px: the same reads.
constexpr float shortestFrameBlur = 4;
/// The Wiener filter's noise-to-signal ratio: 0.005 / 0.02 read 147 / 144 rendered frames.
constexpr double noiseToSignal = 0.005;

/// The lag (1...`longest` pixels) at which the derivative of `image` along its rows is most
/// negatively correlated with itself. An edge blurred by a sideways movement of L pixels has
/// a derivative that is the sharp image minus itself shifted by L, so its autocorrelation
/// dips at lag L; a sharp stroke's two edges (ink down, paper up) make it dip at the stroke's
/// width. 0 when it never dips below zero.
int deepestDipLag(const cv::Mat &image, int longest) {
    std::vector<double> correlation(longest + 1, 0.0);
    std::vector<float> derivative(std::max(0, image.cols - 1));
    // Every other row: the sum is a statistic of the whole line, and this runs on every
    // candidate a frame reads.
    for (int y = 0; y < image.rows; y += 2) {
        const uint8_t *row = image.ptr<uint8_t>(y);
        for (int x = 0; x + 1 < image.cols; x++) derivative[x] = float(row[x + 1]) - float(row[x]);
        for (int lag = 1; lag <= longest; lag++) {
            float sum = 0;
            for (int x = 0; x + lag < int(derivative.size()); x++) sum += derivative[x] * derivative[x + lag];
            correlation[lag] += sum;
        }
    }
    int deepest = 0;
    for (int lag = 1; lag <= longest; lag++)
        if (correlation[lag] < std::min(0.0, correlation[deepest])) deepest = lag;
    return deepest;
}

/// Undoes a sideways box blur `length` pixels long on an 8-bit grey image, row by row, with
/// a Wiener filter (`noiseToSignal` keeps noise from being amplified where the blur erased
/// all detail).
void removeHorizontalBlur(cv::Mat &gray, float length) {
    const int margin = 2 * int(std::ceil(length));
    const int width = cv::getOptimalDFTSize(gray.cols + 2 * margin);
    cv::Mat padded;
    // Mirrored ends: a plate cut off at the strip's edge would otherwise ring.
    cv::copyMakeBorder(gray, padded, 0, 0, margin, width - gray.cols - margin, cv::BORDER_REFLECT);
    padded.convertTo(padded, CV_32F);

    // The blur: a box `length` wide (its end columns partly), centred on column 0.
    cv::Mat kernel(1, width, CV_32F, cv::Scalar(0));
    const float half = length / 2;
    for (int x = -int(std::ceil(half)); x <= int(std::ceil(half)); x++)
        kernel.at<float>(0, (x + width) % width) += std::clamp(half + 0.5f - std::abs(float(x)), 0.f, 1.f);
    kernel /= cv::sum(kernel)[0];

    cv::Mat spectrum, blur;
    cv::dft(padded, spectrum, cv::DFT_ROWS | cv::DFT_COMPLEX_OUTPUT);
    cv::dft(kernel, blur, cv::DFT_COMPLEX_OUTPUT);
    // conj(H) / (|H|^2 + K) per frequency, the same for every row.
    std::vector<cv::Vec2f> filter(width);
    for (int f = 0; f < width; f++) {
        const cv::Vec2f h = blur.at<cv::Vec2f>(0, f);
        const float denominator = h[0] * h[0] + h[1] * h[1] + float(noiseToSignal);
        filter[f] = cv::Vec2f(h[0] / denominator, -h[1] / denominator);
    }
    for (int y = 0; y < spectrum.rows; y++) {
        cv::Vec2f *row = spectrum.ptr<cv::Vec2f>(y);
        for (int f = 0; f < width; f++) {
            const cv::Vec2f g = row[f], w = filter[f];
            row[f] = cv::Vec2f(g[0] * w[0] - g[1] * w[1], g[0] * w[1] + g[1] * w[0]);
        }
    }
    cv::Mat restored;
    cv::dft(spectrum, restored, cv::DFT_ROWS | cv::DFT_INVERSE | cv::DFT_SCALE | cv::DFT_REAL_OUTPUT);
    restored(cv::Rect(margin, 0, gray.cols, gray.rows)).convertTo(gray, CV_8U);
}

/// Length in pixels of the sideways (motion) blur on the characters inside `interior` of a
/// straightened plate strip; 0 when its vertical edges are no softer than its horizontal ones.
int sidewaysBlurLength(const cv::Mat &gray, const cv::Rect &interior) {
    const cv::Rect region = interior & cv::Rect(0, 0, gray.cols, gray.rows);
    if (region.width < 16 || region.height < 8) return 0;
    const cv::Mat characters = gray(region);
    // Blur longer than 0.6 character heights (the region is 0.9 high) leaves nothing to restore.
    const int across = deepestDipLag(characters, std::min(2 * region.height / 3, region.width / 2));
    const int along = deepestDipLag(characters.t(), region.height / 2);
    // Horizontal bars are about as thick as vertical strokes are wide: only blur that is
    // longer across than along is motion.
    return across > along ? across : 0;
}

} // namespace

float undoMotionBlur(cv::Mat &gray, const cv::Rect &interior, float frameToStrip) {
    const int length = sidewaysBlurLength(gray, interior);
    if (length < shortestStripBlur || length < shortestFrameBlur * frameToStrip) return 0;
    removeHorizontalBlur(gray, float(length));
    return float(length);
}

} // namespace plate_vision
