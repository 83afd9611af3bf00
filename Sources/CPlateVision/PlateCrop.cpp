// Rectification: cut the characters of a text line out of the full-resolution frame,
// straighten the line, scale it to a fixed character height and keep only the characters
// (black on white). The plate border, the EU band, stickers and dirt never reach the OCR.

#include "Internal.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace plate_vision {

namespace {

constexpr float targetHeight = 36; // character height handed to the OCR, in pixels

struct Component {
    cv::Rect box;
    int label;
};

} // namespace

PlateCrop cropPlate(const cv::Mat &gray, const TextLine &line, float scale) {
    const float h = line.characterHeight / scale;
    double mx = 0, my = 0;
    for (const auto &blob : line.blobs) { mx += blob.centerX(); my += blob.centerY(); }
    mx = mx / line.blobs.size() / scale;
    my = my / line.blobs.size() / scale;
    const float slope = line.slope;
    auto yAt = [&](double x) { return my + slope * (x - mx); };

    // Margins of one character height: a character the detector missed at either end (one
    // touching the plate border, say) is still in the crop and can be taken back below.
    const float margin = 1.0f * h;
    const float x0 = line.blobs.front().box.x / scale - margin;
    const float x1 = (line.blobs.back().box.x + line.blobs.back().box.width) / scale + margin;
    const float norm = std::sqrt(1 + slope * slope);
    const cv::Point2f along(1 / norm, slope / norm), down(-slope / norm, 1 / norm);
    const float halfHeight = 0.8f * h;
    const cv::Point2f left(x0, float(yAt(x0))), right(x1, float(yAt(x1)));

    const float s = targetHeight / h;
    const int width = std::max(8, int(std::lround(cv::norm(right - left) * s)));
    const int height = int(std::lround(2 * halfHeight * s));
    cv::Point2f source[3] = {left - down * halfHeight, right - down * halfHeight, left + down * halfHeight};
    cv::Point2f target[3] = {{0, 0}, {float(width), 0}, {0, float(height)}};
    cv::Mat straight;
    cv::warpAffine(gray, straight, cv::getAffineTransform(source, target), cv::Size(width, height), cv::INTER_LINEAR,
                   cv::BORDER_REPLICATE);

    cv::Mat ink;
    cv::adaptiveThreshold(straight, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV,
                          int(targetHeight * 1.5f) | 1, 8);
    cv::Mat labels, stats, centroids;
    int count = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
    std::vector<Component> characters, fragments;
    for (int label = 1; label < count; label++) {
        cv::Rect box(stats.at<int>(label, cv::CC_STAT_LEFT), stats.at<int>(label, cv::CC_STAT_TOP),
                     stats.at<int>(label, cv::CC_STAT_WIDTH), stats.at<int>(label, cv::CC_STAT_HEIGHT));
        bool characterSized = box.height >= 0.6f * targetHeight && box.height <= 1.35f * targetHeight &&
                              box.width <= 1.2f * targetHeight;
        if (characterSized) characters.push_back({box, label});
        else if (box.height >= 0.2f * targetHeight && box.width <= 1.2f * targetHeight) fragments.push_back({box, label});
    }
    cv::Mat clean(height, width, CV_8U, cv::Scalar(255));
    PlateCrop crop;
    crop.characterHeight = targetHeight;
    if (!characters.empty()) {
        std::vector<int> tops, bottoms;
        for (const auto &c : characters) { tops.push_back(c.box.y); bottoms.push_back(c.box.y + c.box.height); }
        std::nth_element(tops.begin(), tops.begin() + tops.size() / 2, tops.end());
        std::nth_element(bottoms.begin(), bottoms.begin() + bottoms.size() / 2, bottoms.end());
        const float top = tops[tops.size() / 2], bottom = bottoms[bottoms.size() / 2];
        const float slack = 0.15f * targetHeight;
        auto inBand = [&](const cv::Rect &box) { return box.y >= top - slack && box.y + box.height <= bottom + slack; };
        // A plate border cut to character height is thinner than any character stroke.
        auto thick = [&](const cv::Rect &box) { return box.width >= 0.08f * targetHeight; };
        // What lies between the detected first and last character is kept; beyond that only
        // characters that continue the row (the plate border and EU band do not).
        const float spanLeft = margin * s - 0.1f * targetHeight, spanRight = width - spanLeft;
        std::vector<int> keep;
        std::vector<Component> outside;
        float keptLeft = 1e9f, keptRight = -1e9f;
        for (const auto &c : characters) {
            if (!inBand(c.box) || !thick(c.box)) continue;
            float centre = c.box.x + c.box.width * 0.5f;
            if (centre < spanLeft || centre > spanRight) { outside.push_back(c); continue; }
            keep.push_back(c.label);
            keptLeft = std::min<float>(keptLeft, c.box.x);
            keptRight = std::max<float>(keptRight, c.box.x + c.box.width);
        }
        std::sort(outside.begin(), outside.end(), [&](const auto &a, const auto &b) {
            return std::abs(a.box.x - spanLeft) < std::abs(b.box.x - spanLeft);
        });
        for (bool grew = true; grew;) {
            grew = false;
            for (auto &c : outside) {
                if (c.label < 0) continue;
                bool continuesLeft = keptLeft - (c.box.x + c.box.width) < 0.5f * targetHeight && c.box.x < keptLeft;
                bool continuesRight = c.box.x - keptRight < 0.5f * targetHeight && c.box.x + c.box.width > keptRight;
                if (!continuesLeft && !continuesRight) continue;
                keep.push_back(c.label);
                keptLeft = std::min<float>(keptLeft, c.box.x);
                keptRight = std::max<float>(keptRight, c.box.x + c.box.width);
                c.label = -1;
                grew = true;
            }
        }
        std::vector<cv::Rect> keptBoxes;
        for (const auto &c : characters)
            if (std::find(keep.begin(), keep.end(), c.label) != keep.end()) keptBoxes.push_back(c.box);
        // Pieces of broken characters: inside the character band and overlapping a kept
        // character's columns. Stickers and coats of arms are neither.
        for (const auto &f : fragments) {
            if (!inBand(f.box)) continue;
            bool partOfCharacter = false;
            for (const auto &box : keptBoxes)
                partOfCharacter |= (box & cv::Rect(f.box.x, box.y, f.box.width, box.height)).width > 0.5f * f.box.width;
            if (partOfCharacter) keep.push_back(f.label);
        }
        std::vector<uint8_t> kept(count, 0);
        for (int label : keep) kept[label] = 1;
        for (int y = 0; y < height; y++) {
            const int *row = labels.ptr<int>(y);
            uint8_t *out = clean.ptr<uint8_t>(y);
            for (int x = 0; x < width; x++) if (kept[row[x]]) out[x] = 0;
        }
        if (getenv("PV_GRAY")) {
        // Hand the OCR the grey levels around the kept characters, not just the binary mask:
        // thin or faint strokes that thresholding eats are still there for the LSTM.
        cv::Mat inkMask = clean == 0, near;
        cv::dilate(inkMask, near, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(5, 5)));
        cv::Mat paperMask = near == 0;
        double inkLevel = cv::mean(straight, inkMask)[0], paperLevel = cv::mean(straight, paperMask)[0];
        if (paperLevel - inkLevel > 10) {
            cv::Mat stretched;
            straight.convertTo(stretched, CV_8U, 255.0 / (paperLevel - inkLevel), -inkLevel * 255.0 / (paperLevel - inkLevel));
            clean.setTo(255);
            stretched.copyTo(clean, near);
        }
        }
    }
    const int pad = int(targetHeight * 0.5f);
    cv::copyMakeBorder(clean, crop.binary, pad / 2, pad / 2, pad, pad, cv::BORDER_CONSTANT, cv::Scalar(255));

    // Plate outline in frame pixels: the characters plus the margins of a real plate.
    const float plateLeft = x0 + margin - (line.hasEUBand ? 0.9f : 0.3f) * h, plateRight = x1 - margin + 0.2f * h;
    const cv::Point2f pl(plateLeft, float(yAt(plateLeft))), pr(plateRight, float(yAt(plateRight)));
    const float plateHalf = 0.72f * h;
    crop.corners[0] = pl - down * plateHalf;
    crop.corners[1] = pr - down * plateHalf;
    crop.corners[2] = pr + down * plateHalf;
    crop.corners[3] = pl + down * plateHalf;
    return crop;
}

} // namespace plate_vision
