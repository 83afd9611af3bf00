// Frame -> plate candidates: detection on a working-size copy, rectification at full size.

#include "Internal.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <iterator>

namespace plate_vision {

namespace {

/// Detection runs on a frame scaled down to at most this size; OCR uses full resolution.
constexpr int workingSize = 1280;
constexpr float minimumDetectionScore = 0.15f;
/// OCR is the expensive step (5-10 ms a line): lines far less plate-like than the best
/// (lettering on the car, signs) are not read. 0.35 rather than 0.45 (session 22): a dark
/// plate beside a bright one scored 0.38 of it and went unread (seed 2026, frame 39); the
/// median frame costs about the same (25.1-25.6 ms against 25.0-25.1 on seed 2026, one core).
constexpr float relativeDetectionCutoff = 0.35f;
constexpr float lightOnDarkSearchBelow = 0.5f;

} // namespace

std::vector<PlateCandidate> findPlateCandidates(const cv::Mat &bgr, int maxCandidates, std::vector<TextLine> *considered) {
    cv::Mat gray;
    cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    const float scale = workingScale(bgr.size());
    // Only the grey frame is scaled down: colour is looked at in a few small regions (the EU
    // band), at full size. Scaling the colour frame took 6 % of a frame's reading (perf).
    cv::Mat workingGray = gray;
    if (scale < 1.0f) areaDownscale(gray, workingGray, scale);
    std::vector<TextLine> lines = findTextLines(workingGray, false);
    scoreTextLines(lines, bgr, workingGray, scale);
    // Light characters on a dark plate are rare (diplomatic, some foreign series): looked
    // for only when no convincing dark-on-light plate turned up.
    if (lines.empty() || lines.front().score < lightOnDarkSearchBelow) {
        std::vector<TextLine> inverted = findTextLines(workingGray, true);
        scoreTextLines(inverted, bgr, workingGray, scale);
        // Both are sorted best first; on equal scores the dark-on-light line stays first.
        std::vector<TextLine> merged;
        merged.reserve(lines.size() + inverted.size());
        std::merge(lines.begin(), lines.end(), inverted.begin(), inverted.end(), std::back_inserter(merged),
                   [](const auto &a, const auto &b) { return a.score > b.score; });
        lines = std::move(merged);
    }

    if (considered != nullptr) *considered = lines;
    std::vector<PlateCandidate> candidates;
    if (lines.empty()) return candidates;
    const float cutoff = std::max(minimumDetectionScore, relativeDetectionCutoff * lines.front().score);
    for (const auto &line : lines) {
        if (int(candidates.size()) >= maxCandidates || line.score < cutoff) break;
        PlateCandidate candidate{line, cropPlate(bgr, gray, line, scale), scale};
        if (!candidate.crop.binary.empty()) candidates.push_back(std::move(candidate));
    }
    return candidates;
}

float workingScale(const cv::Size &frame) {
    return std::min(1.0f, float(workingSize) / std::max(frame.width, frame.height));
}

cv::Rect PlateCandidate::box(const cv::Size &frame) const {
    std::vector<cv::Point2f> corners(crop.corners, crop.corners + 4);
    return cv::boundingRect(corners) & cv::Rect(0, 0, frame.width, frame.height);
}

cv::Rect PlateCandidate::lineBox() const { return toFrame(line.bounds(), scale); }

cv::Rect PlateCandidate::bandBox() const { return toFrame(line.bandBox, scale); }

} // namespace plate_vision
