// Detection, first half: dark character-sized blobs, chained into text lines.
//
// Plates are found through their characters rather than their outline: a row of 4-10 dark
// blobs of equal height on a light background survives perspective, dirt, missing borders
// and bumper clutter far better than edge-based rectangle search, and it hands the OCR the
// characters already isolated (Tesseract's line finder is derailed by borders and bands).

#include "Internal.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <numeric>

namespace plate_vision {

namespace {

constexpr int minimumCharacterHeight = 8;
/// The shortest umlaut letter (without its dots) whose dots are looked for.
constexpr int minimumUmlautHeight = 16;

/// Gives an umlaut's letter its dots: a blob with its two dots close above it grows upwards
/// to take them in. German plates shorten an umlaut's letter so that letter and dots fill the
/// cap height; the letter alone was too short to be chained to its neighbours (`BÖ-AG 888`
/// was read `A-G 888` at 0.99). The dots: each at least a tenth and at most a third of the
/// letter's height and a fifth of its width, at most a quarter of its height above it, one
/// over each half of the letter, or both blurred into one bar over its middle, at least
/// half its width.
///
/// The dots are looked for among the compact specks of `stats` (connected components of an
/// image `width` pixels wide) that start over a letter at least `minimumUmlautHeight` high:
/// a noisy frame has thousands of specks, and only these few need sorting. A bar of two
/// blurred dots is up to 3 times as wide as high: the `Ü` of held-out seed 39's `GÜ-CI 69`
/// (23 px) had its dots in a 7x3 bar, which a 2:1 limit left out; the letter alone was too
/// short to be chained past a seal sticker, and the plate was read `C-I 69`.
void addUmlautDots(std::vector<CharacterBlob> &blobs, const cv::Mat &stats, int width, int maximumHeight) {
    std::vector<uint8_t> overLetter(width, 0);
    for (const auto &blob : blobs) {
        if (blob.box.height < minimumUmlautHeight) continue;
        const int from = std::max(0, blob.box.x - 1), to = std::min(width, blob.box.x + blob.box.width);
        std::fill(overLetter.begin() + from, overLetter.begin() + to, uint8_t(1));
    }
    std::vector<cv::Rect> dots;
    for (int label = 1; label < stats.rows; label++) {
        const int x = stats.at<int>(label, cv::CC_STAT_LEFT), y = stats.at<int>(label, cv::CC_STAT_TOP);
        const int w = stats.at<int>(label, cv::CC_STAT_WIDTH), h = stats.at<int>(label, cv::CC_STAT_HEIGHT);
        const int area = stats.at<int>(label, cv::CC_STAT_AREA);
        if (overLetter[x] && h >= 2 && w >= 2 && h <= 2 * w && w <= 3 * h && area >= 0.4 * w * h && h <= maximumHeight / 3)
            dots.push_back(cv::Rect(x, y, w, h));
    }
    if (dots.empty()) return;
    std::sort(dots.begin(), dots.end(), [](const auto &a, const auto &b) { return a.x < b.x; });
    for (auto &blob : blobs) {
        const cv::Rect body = blob.box;
        // Below this the dots are a pixel or two, as are specks of the plate's border.
        if (body.height < minimumUmlautHeight) continue;
        const float middle = body.x + 0.5f * body.width;
        int top = body.y;
        bool left = false, right = false, bar = false;
        auto dot = std::lower_bound(dots.begin(), dots.end(), body.x - 1, [](const cv::Rect &d, int x) { return d.x < x; });
        for (; dot != dots.end() && dot->x < body.x + body.width; ++dot) {
            const int bottom = dot->y + dot->height;
            const bool above = bottom <= body.y + 1 && body.y - bottom <= 0.25f * body.height;
            const bool sized = dot->height >= 0.1f * body.height && dot->height <= body.height / 3 &&
                               dot->width >= 0.2f * body.width && dot->x + dot->width <= body.x + body.width + 1;
            if (!above || !sized) continue;
            const float centre = dot->x + 0.5f * dot->width;
            if (dot->width >= 0.5f * body.width) {
                bar = bar || std::abs(centre - middle) <= body.width / 6.0f;
            } else {
                (centre < middle ? left : right) = true;
            }
            top = std::min(top, dot->y);
        }
        if (!bar && !(left && right)) continue;
        blob.box.height += blob.box.y - top;
        blob.box.y = top;
    }
}

/// Whether component `label` (box `box`) is a square frame: about as wide as high with no ink
/// in its middle. The adaptive threshold keeps only the rim of a dark window, and a row of
/// windows on a facade read as a plate (`KU-KU 1`, `KI-K 1` at 0.24-0.27 on seed 17's drive,
/// counted as parked cars). No plate character is as wide as high and hollow: O, 0 and D are
/// narrower, two characters blur joined touch in the middle.
bool isHollowSquare(const cv::Mat &labels, int label, const cv::Rect &box) {
    if (box.width < 0.8 * box.height || box.width > 1.25 * box.height || box.height < 12) return false;
    const cv::Rect middle(box.x + box.width / 4, box.y + box.height / 4, box.width / 2, box.height / 2);
    int ink = 0;
    for (int y = middle.y; y < middle.y + middle.height; y++) {
        const int *row = labels.ptr<int>(y);
        for (int x = middle.x; x < middle.x + middle.width; x++) ink += row[x] == label;
    }
    return ink == 0;
}

std::vector<CharacterBlob> findCharacterBlobs(const cv::Mat &gray, int blockSize, double offset) {
    cv::Mat ink;
    cv::adaptiveThreshold(gray, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, blockSize, offset);
    cv::Mat labels, stats, centroids;
    int count = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
    std::vector<CharacterBlob> blobs;
    int maximumHeight = std::max(minimumCharacterHeight + 1, gray.rows / 4);
    for (int label = 1; label < count; label++) {
        int x = stats.at<int>(label, cv::CC_STAT_LEFT), y = stats.at<int>(label, cv::CC_STAT_TOP);
        int w = stats.at<int>(label, cv::CC_STAT_WIDTH), h = stats.at<int>(label, cv::CC_STAT_HEIGHT);
        int area = stats.at<int>(label, cv::CC_STAT_AREA);
        if (h < minimumCharacterHeight || h > maximumHeight) continue;
        // Up to about two characters wide: narrow fonts and blur merge neighbours. Wider
        // blobs are more often bars, frames and lettering than plate characters.
        if (w < 2 || w > h * 2.2) continue;
        double fill = double(area) / (double(w) * h);
        if (fill < 0.12 || fill > 0.92) continue;
        // Wider than a character: merged characters are dense; a frame or a bar is not.
        if (w > h * 1.1 && fill < 0.3) continue;
        if (isHollowSquare(labels, label, cv::Rect(x, y, w, h))) continue;
        blobs.push_back({cv::Rect(x, y, w, h), area});
    }
    addUmlautDots(blobs, stats, gray.cols, maximumHeight);
    std::sort(blobs.begin(), blobs.end(), [](const auto &a, const auto &b) { return a.box.x < b.box.x; });
    return blobs;
}

/// Whether `right` can follow `left` on the same plate line.
bool canFollow(const CharacterBlob &left, const CharacterBlob &right) {
    float h = std::max(left.box.height, right.box.height);
    float ratio = float(left.box.height) / right.box.height;
    if (ratio < 0.75f || ratio > 1.33f) return false;
    float gap = right.box.x - (left.box.x + left.box.width);
    if (gap < -0.15f * h || gap > 1.6f * h) return false;
    if (std::abs(left.centerY() - right.centerY()) > 0.3f * h) return false;
    return true;
}

/// Chains blobs by mutual nearest neighbours (left to right) into lines.
std::vector<TextLine> chainBlobs(const std::vector<CharacterBlob> &blobs) {
    const int n = int(blobs.size());
    std::vector<int> next(n, -1), previous(n, -1);
    for (int i = 0; i < n; i++) {
        float bestGap = 1e9f;
        for (int j = i + 1; j < n; j++) {
            if (blobs[j].box.x > blobs[i].box.x + blobs[i].box.width + 1.6f * blobs[i].box.height) break;
            if (blobs[j].centerX() <= blobs[i].centerX() || !canFollow(blobs[i], blobs[j])) continue;
            float gap = blobs[j].box.x - (blobs[i].box.x + blobs[i].box.width);
            float drift = std::abs(blobs[i].centerY() - blobs[j].centerY());
            float cost = std::max(gap, 0.f) + 2 * drift;
            if (cost < bestGap) { bestGap = cost; next[i] = j; }
        }
    }
    // Keep a link only when it is also the right blob's best left neighbour.
    std::vector<float> bestIncoming(n, 1e9f);
    for (int i = 0; i < n; i++) {
        if (next[i] < 0) continue;
        int j = next[i];
        float cost = std::max<float>(blobs[j].box.x - (blobs[i].box.x + blobs[i].box.width), 0.f) +
                     2 * std::abs(blobs[i].centerY() - blobs[j].centerY());
        if (cost < bestIncoming[j]) { bestIncoming[j] = cost; previous[j] = i; }
    }
    std::vector<TextLine> lines;
    for (int i = 0; i < n; i++) {
        if (previous[i] >= 0 && next[previous[i]] == i) continue; // not a chain start
        TextLine line;
        for (int k = i; k >= 0; k = (next[k] >= 0 && previous[next[k]] == k) ? next[k] : -1)
            line.blobs.push_back(blobs[k]);
        int characters = line.characterCount();
        if (line.blobs.size() >= 3 && characters <= 12) lines.push_back(std::move(line));
    }
    return lines;
}

/// Whether `blob` is as tall as a line's characters (`characterHeight`, their median height):
/// 0.8 to 1.25 times it.
bool hasCharacterHeight(const CharacterBlob &blob, float characterHeight) {
    return blob.box.height >= 0.8f * characterHeight && blob.box.height <= 1.25f * characterHeight;
}

/// Drops blobs whose height is far from the line's median; fits the line's slope.
bool settle(TextLine &line) {
    std::vector<int> heights;
    for (const auto &blob : line.blobs) heights.push_back(blob.box.height);
    std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
    float median = heights[heights.size() / 2];
    line.blobs.erase(std::remove_if(line.blobs.begin(), line.blobs.end(),
                                    [&](const auto &blob) { return !hasCharacterHeight(blob, median); }),
                     line.blobs.end());
    if (line.blobs.size() < 3) return false;
    line.characterHeight = median;
    double mx = 0, my = 0;
    for (const auto &blob : line.blobs) { mx += blob.centerX(); my += blob.centerY(); }
    mx /= line.blobs.size(); my /= line.blobs.size();
    double sxy = 0, sxx = 0;
    for (const auto &blob : line.blobs) {
        sxy += (blob.centerX() - mx) * (blob.centerY() - my);
        sxx += (blob.centerX() - mx) * (blob.centerX() - mx);
    }
    line.slope = sxx > 0 ? float(sxy / sxx) : 0.f;
    return std::abs(line.slope) < 0.35f;
}

/// Whether `blob` sits on `line` (settled) next to `end`, one of its end blobs: as tall as the
/// line's characters, centred on its fitted slope, at most a character gap away.
bool continuesLine(const TextLine &line, const CharacterBlob &end, const CharacterBlob &blob, bool onTheLeft) {
    const float h = line.characterHeight;
    if (!hasCharacterHeight(blob, h)) return false;
    if (!(onTheLeft ? canFollow(blob, end) : canFollow(end, blob))) return false;
    const float expectedY = end.centerY() + line.slope * (blob.centerX() - end.centerX());
    return std::abs(blob.centerY() - expectedY) <= 0.2f * h;
}

/// Takes in blobs beyond the line's ends that the chaining passed by (`blobs` sorted by their
/// left edge). A link goes to the nearest blob, and a speck shorter than the characters (a
/// seal sticker's rim) can win the link into the line that settling then drops: in a dark
/// benchmark frame (seed 2026, frame 175) the blurred `LDK` of `LDK-EO 232` was cut off by its
/// seal, and the plate was read `K-EO 232`.
void extendLine(TextLine &line, const std::vector<CharacterBlob> &blobs) {
    const float h = line.characterHeight;
    for (bool onTheLeft : {true, false}) {
        for (;;) {
            const CharacterBlob &end = onTheLeft ? line.blobs.front() : line.blobs.back();
            // A blob that can follow or precede `end` is at most 1.25 h high (`hasCharacterHeight`),
            // so at most 2.75 h wide and a gap of 2 h away (`canFollow`).
            const float from = end.box.x - 2.0f * h - 2.75f * h, to = end.box.x + end.box.width + 2.0f * h;
            auto blob = std::lower_bound(blobs.begin(), blobs.end(), from,
                                         [](const CharacterBlob &b, float x) { return b.box.x < x; });
            const CharacterBlob *nearest = nullptr;
            float nearestGap = 1e9f;
            for (; blob != blobs.end() && blob->box.x <= to; ++blob) {
                const float gap = onTheLeft ? end.box.x - (blob->box.x + blob->box.width) : blob->box.x - (end.box.x + end.box.width);
                if (gap < -0.15f * h || gap >= nearestGap) continue;
                if (onTheLeft ? blob->centerX() >= end.centerX() : blob->centerX() <= end.centerX()) continue;
                if (!continuesLine(line, end, *blob, onTheLeft)) continue;
                nearest = &*blob;
                nearestGap = gap;
            }
            if (nearest == nullptr || line.characterCount() + nearest->characters() > 12) break;
            if (onTheLeft) line.blobs.insert(line.blobs.begin(), *nearest);
            else line.blobs.push_back(*nearest);
        }
    }
}

double overlap(const cv::Rect &a, const cv::Rect &b) {
    double intersection = (a & b).area();
    return intersection / std::min(a.area(), b.area());
}

} // namespace

std::vector<TextLine> findTextLines(const cv::Mat &gray, bool lightOnDark) {
    cv::Mat image = lightOnDark ? cv::Mat(255 - gray) : gray;
    // Small characters at full resolution; large ones (16 px and up) at half resolution,
    // which is 4x cheaper and sees the same characters. Labelling connected components is
    // the cost here: a noisy 1280x720 frame has some 20,000 of them.
    cv::Mat half;
    cv::pyrDown(image, half);
    std::vector<TextLine> lines;
    for (int level = 0; level < 2; level++) {
        std::vector<CharacterBlob> blobs = findCharacterBlobs(level == 0 ? image : half, 15, 7);
        if (level == 1)
            for (auto &blob : blobs) {
                blob.box = cv::Rect(blob.box.x * 2, blob.box.y * 2, blob.box.width * 2, blob.box.height * 2);
                blob.area *= 4;
            }
        for (auto &line : chainBlobs(blobs)) {
            if (!settle(line)) continue;
            extendLine(line, blobs);
            line.lightOnDark = lightOnDark;
            cv::Rect box = line.bounds();
            bool duplicate = false;
            for (auto &kept : lines) {
                if (overlap(kept.bounds(), box) > 0.6) {
                    duplicate = true;
                    if (line.characterCount() > kept.characterCount()) kept = line;
                    break;
                }
            }
            if (!duplicate) lines.push_back(std::move(line));
        }
    }
    return lines;
}

} // namespace plate_vision
