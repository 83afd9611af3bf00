// The blue EU band's country code: white letters in the band's lower half. Often too
// small to read in a street scene; then the caller gets an empty string, not a guess.

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

} // namespace plate_vision
