// The blue EU band's country code: white letters in the band's lower half. Often too
// small to read in a street scene; then the caller gets an empty string, not a guess, and
// the code's width still tells one letter (`D`) from two (`CZ`, `PL`).

#include "Internal.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace plate_vision {

cv::Mat bandLettersImage(const cv::Mat &bgr, cv::Rect band) {
    band &= cv::Rect(0, 0, bgr.cols, bgr.rows);
    // The code sits below the ring of stars, in the band's lower part.
    cv::Rect lower(band.x, band.y + band.height * 2 / 5, band.width, band.height * 3 / 5);
    if (lower.height < 10 || lower.width < 6) return {};
    cv::Mat hsv, white;
    cv::cvtColor(bgr(lower), hsv, cv::COLOR_BGR2HSV);
    cv::inRange(hsv, cv::Scalar(0, 0, 130), cv::Scalar(180, 90, 255), white);
    cv::Mat labels, stats, centroids;
    int count = cv::connectedComponentsWithStats(white, labels, stats, centroids, 8, CV_32S);
    cv::Mat letters(white.size(), CV_8U, cv::Scalar(255));
    int kept = 0, letterHeight = 0;
    for (int label = 1; label < count; label++) {
        int h = stats.at<int>(label, cv::CC_STAT_HEIGHT), w = stats.at<int>(label, cv::CC_STAT_WIDTH);
        int x = stats.at<int>(label, cv::CC_STAT_LEFT), y = stats.at<int>(label, cv::CC_STAT_TOP);
        bool touchesSide = x == 0 || x + w >= white.cols;
        if (h < 5 || h < lower.height / 4 || w > h * 1.3 || touchesSide) continue;
        letters.setTo(0, labels == label);
        kept++;
        letterHeight = std::max(letterHeight, h);
        (void)y;
    }
    if (kept == 0 || kept > 3) return {};
    const float scale = 36.0f / letterHeight;
    cv::Mat large;
    cv::resize(letters, large, cv::Size(), scale, scale, cv::INTER_LINEAR);
    cv::threshold(large, large, 127, 255, cv::THRESH_BINARY);
    cv::copyMakeBorder(large, large, 12, 12, 12, 12, cv::BORDER_CONSTANT, cv::Scalar(255));
    return large;
}

namespace {

/// A band code at least this share of the band's width has two letters (or more). Measured
/// on the reads of 1080p drive frames (seeds 25-27, 31-33): a `D` took 0.06-0.24 of it (560
/// reads), `PL` 0.27-0.41, `SK` 0.39-0.41, `NL` 0.43-0.48, `CZ` 0.17-0.80; of the one-letter
/// foreign codes `A`, `B` 0.17-0.25, `F` up to 0.55, `I` up to 0.57. A blue car's body may
/// run into the band's blue: the band then measures wider and the code's share smaller (one
/// letter, which decides nothing).
constexpr float twoLetterCodeShare = 0.3f;

/// Narrower bands are not measured: on a 15 px band a blurred `D` took 0.53 of it (seed
/// 4242's `HOT-O 2349`). The bands of the 1080p drives' cars are 21-26 px wide.
constexpr int narrowestMeasuredBand = 18;

/// White blobs in `white` (window pixels) standing in the blue: each mostly ringed by `blue`,
/// letter-sized for characters `characterHeight` high.
std::vector<cv::Rect> lettersInTheBlue(const cv::Mat &white, const cv::Mat &blue, float characterHeight) {
    cv::Mat labels, stats, centroids;
    const int count = cv::connectedComponentsWithStats(white, labels, stats, centroids, 8, CV_32S);
    std::vector<cv::Rect> letters;
    for (int label = 1; label < count; label++) {
        const cv::Rect box(stats.at<int>(label, cv::CC_STAT_LEFT), stats.at<int>(label, cv::CC_STAT_TOP),
                           stats.at<int>(label, cv::CC_STAT_WIDTH), stats.at<int>(label, cv::CC_STAT_HEIGHT));
        if (box.height < 3 || box.height < 0.12f * characterHeight || box.height > 0.5f * characterHeight ||
            box.width > 2.5f * box.height)
            continue;
        const int pad = std::max(1, box.height / 3);
        const cv::Rect ring = cv::Rect(box.x - pad, box.y - pad, box.width + 2 * pad, box.height + 2 * pad) &
                              cv::Rect(0, 0, white.cols, white.rows);
        const int ringArea = ring.area() - box.area();
        const int ringBlue = cv::countNonZero(blue(ring)) - cv::countNonZero(blue(box));
        if (ringArea > 0 && ringBlue >= 0.5f * ringArea) letters.push_back(box);
    }
    return letters;
}

} // namespace

int bandLetterCount(const cv::Mat &bgr, cv::Rect band, float characterHeight, std::string *debug) {
    // The band as found may sit a little high on a tilted plate: look a bit below and beside it.
    const int h = int(characterHeight);
    const cv::Rect window = cv::Rect(band.x - band.width / 3, band.y, band.width * 5 / 3, band.height + h * 2 / 5) &
                            cv::Rect(0, 0, bgr.cols, bgr.rows);
    if (window.width < 6 || window.height < 12) return 0;
    cv::Mat hsv, white, blue;
    cv::cvtColor(bgr(window), hsv, cv::COLOR_BGR2HSV);
    cv::inRange(hsv, cv::Scalar(0, 0, 120), cv::Scalar(180, 120, 255), white);
    cv::inRange(hsv, bandBlueLow, bandBlueHigh, blue);
    std::vector<cv::Rect> letters = lettersInTheBlue(white, blue, characterHeight);
    if (letters.empty()) return 0;
    // The code is the lowest row of white in the blue (the stars above it are yellow). At
    // these sizes its letters run together: their width, not their number, tells one from two.
    const cv::Rect lowest = *std::max_element(letters.begin(), letters.end(),
                                              [](const cv::Rect &a, const cv::Rect &b) { return a.br().y < b.br().y; });
    const float lowestCentre = lowest.y + lowest.height / 2.0f;
    int left = lowest.x, right = lowest.x + lowest.width;
    for (const auto &box : letters) {
        if (std::abs(box.y + box.height / 2.0f - lowestCentre) > 0.5f * lowest.height) continue;
        left = std::min(left, box.x);
        right = std::max(right, box.x + box.width);
    }
    // The band's width on the letters' middle row: the blue either side of them.
    const int row = int(lowestCentre);
    int bandLeft = left, bandRight = right;
    while (bandLeft > 0 && blue.at<uchar>(row, bandLeft - 1)) bandLeft--;
    while (bandRight < window.width && blue.at<uchar>(row, bandRight)) bandRight++;
    const int bandWidth = bandRight - bandLeft;
    const float share = float(right - left) / float(std::max(1, bandWidth));
    const int letterCount = bandWidth < narrowestMeasuredBand ? 0 : share >= twoLetterCodeShare ? 2 : 1;
    if (debug)
        *debug = "code " + std::to_string(right - left) + "x" + std::to_string(lowest.height) + " in a band " +
                 std::to_string(bandWidth) + " px wide: " +
                 std::to_string(share) + ", " + std::to_string(letterCount) + " letter(s)";
    return letterCount;
}

} // namespace plate_vision
