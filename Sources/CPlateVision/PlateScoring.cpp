// Detection, second half: how much a text line looks like a licence plate.

#include "Internal.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace plate_vision {

namespace {

float characterCountScore(size_t count) {
    switch (count) {
    case 5: case 6: case 7: case 8: return 1.0f;
    case 4: return 0.75f;
    case 9: return 0.6f;
    case 3: return 0.35f;
    default: return 0.3f;
    }
}

/// Share of the pixels of `region` (frame pixels) whose HSV lies within [lower, upper].
float colourShare(const cv::Mat &bgr, cv::Rect region, const cv::Scalar &lower, const cv::Scalar &upper) {
    region &= cv::Rect(0, 0, bgr.cols, bgr.rows);
    if (region.area() < 4) return 0;
    cv::Mat hsv, inside;
    cv::cvtColor(bgr(region), hsv, cv::COLOR_BGR2HSV);
    cv::inRange(hsv, lower, upper, inside);
    return float(cv::countNonZero(inside)) / region.area();
}

/// Share of blue (EU band) pixels in `region` (working-size coordinates: `scale` of the
/// colour frame's).
float blueShare(const cv::Mat &bgr, cv::Rect region, float scale) {
    const cv::Rect full = toFrame(region, scale);
    // With the band also looked for further left, 2 real photos (German vanity plates) and 1
    // rendered frame more were read.
    return colourShare(bgr, full, bandBlueLow, bandBlueHigh);
}

/// Share of yellow plate paper in `region` of the colour frame (hue 15-40 of 180, saturated,
/// not dark). A rendered Dutch plate's paper is hue 25, saturation 235.
float yellowShare(const cv::Mat &bgr, cv::Rect region) {
    return colourShare(bgr, region, cv::Scalar(15, 110, 90), cv::Scalar(40, 255, 255));
}

/// Plates are light behind dark characters: compare ink and paper inside the line's box.
float paperScore(const cv::Mat &gray, const TextLine &line) {
    cv::Rect box = line.bounds();
    int pad = int(line.characterHeight * 0.15f);
    box = cv::Rect(box.x - pad, box.y - pad, box.width + 2 * pad, box.height + 2 * pad) &
          cv::Rect(0, 0, gray.cols, gray.rows);
    cv::Mat region = line.lightOnDark ? cv::Mat(255 - gray(box)) : gray(box);
    cv::Mat inkMask;
    cv::threshold(region, inkMask, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
    double ink = cv::mean(region, inkMask)[0];
    cv::Mat paperMask = ~inkMask;
    double paper = cv::mean(region, paperMask)[0];
    // Contrast against the paper's own brightness below 120: at night the plate's paper is
    // dark too, and its characters stand out from it as much as by day.
    float contrast = float(std::clamp((paper - ink) / std::clamp(0.75 * paper, 40.0, 90.0), 0.0, 1.0));
    // Ink should cover a character-like share of the box, not all of it.
    float inkShare = float(cv::countNonZero(inkMask)) / box.area();
    float shareScore = inkShare > 0.12f && inkShare < 0.6f ? 1.0f : 0.4f;
    float brightness = float(std::clamp(paper / 140.0, 0.0, 1.0));
    // Light characters on a dark plate are the exception (diplomatic, some foreign plates).
    return contrast * shareScore * (line.lightOnDark ? 0.75f : 0.6f + 0.4f * brightness);
}

/// Regular spacing: gaps within groups are alike; a plate has at most 3 wide gaps.
float spacingScore(const TextLine &line) {
    int wide = 0;
    for (size_t i = 1; i < line.blobs.size(); i++) {
        float gap = line.blobs[i].box.x - (line.blobs[i - 1].box.x + line.blobs[i - 1].box.width);
        if (gap > 0.45f * line.characterHeight) wide++;
    }
    return wide <= 3 ? 1.0f : 0.5f;
}

} // namespace

bool isYellowPlate(const cv::Mat &bgr, const cv::Rect &box) {
    // A third of the box: the paper between the characters (the box also holds the characters).
    return yellowShare(bgr, box) > 0.33f;
}

void scoreTextLines(std::vector<TextLine> &lines, const cv::Mat &bgr, const cv::Mat &gray, float scale) {
    for (auto &line : lines) {
        const auto &first = line.blobs.front().box;
        float h = line.characterHeight;
        cv::Rect band(int(first.x - 1.0f * h), int(first.y - 0.25f * h), int(0.85f * h), int(1.5f * h));
        float blue = blueShare(bgr, band, scale);
        // Text centred on a long plate (vanity plates, COE-D 9613) stands further from its band.
        const cv::Rect far(int(first.x - 1.6f * h), band.y, band.width, band.height);
        if (float farBlue = blueShare(bgr, far, scale); farBlue > blue) { blue = farBlue; band = far; }
        line.hasEUBand = blue > 0.3f;
        if (line.hasEUBand) line.bandBox = band & cv::Rect(0, 0, gray.cols, gray.rows);
        // Merged characters happen, but a line of mostly merged blobs is more often not text.
        float merged = 0;
        for (const auto &blob : line.blobs) merged += blob.characters() > 1 ? 1 : 0;
        float separateness = 1.0f - 0.5f * merged / line.blobs.size();
        float score = characterCountScore(line.characterCount()) * paperScore(gray, line) * spacingScore(line) * separateness;
        line.score = std::min(1.0f, score * (line.hasEUBand ? 1.0f : 0.8f) + (line.hasEUBand ? 0.1f : 0.f));
    }
    std::sort(lines.begin(), lines.end(), [](const auto &a, const auto &b) { return a.score > b.score; });
}

} // namespace plate_vision
