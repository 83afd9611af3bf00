// Rectification: cut the characters of a text line out of the full-resolution frame,
// straighten the line, keep only the characters (black on white) and lay them out evenly
// at a fixed height. The plate border, the EU band, stickers and dirt never reach the OCR.

#include "Internal.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace plate_vision {

namespace {

// Character height handed to the OCR, in pixels. Measured with the stock eng model: 42-50
// reads 5-8 points more plates than 36 (synthetic and real), 24-30 fewer.
constexpr float targetHeight = 44;
/// Above this share of saturated colour between the characters, the plate's paper is coloured.
constexpr float colouredPaperShare = 0.4f;
/// Characters leaning less than this (strip columns per row) are left as they are.
constexpr float smallestSlant = 0.05f;

struct Component {
    cv::Rect box;
    int label;
};

float medianOf(std::vector<float> values) {
    if (values.empty()) return 0;
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    return values[values.size() / 2];
}

/// The straightened strip around a text line, scaled so detected characters are about
/// `targetHeight` tall. Generous margins: blur makes detected blobs smaller than the ink.
struct Strip {
    cv::Mat gray;
    cv::Mat colourful;       // 255 where the strip is saturated colour (stickers, band, emblems)
    cv::Point2f along, down; // unit vectors of the line in the frame
    cv::Point2f left;        // frame point at the strip's left end, on the line
    float frameToStrip = 1;  // scale
    float marginInStrip = 0; // strip columns before the first detected character
    cv::Mat transform;       // frame pixels to strip pixels (affine)
};

/// The band of the strip between the detected first and last character, character high:
/// the characters and the paper between them.
cv::Rect plateInterior(const Strip &strip) {
    const int x = int(strip.marginInStrip), y = int(strip.gray.rows * 0.5f - 0.45f * targetHeight);
    return cv::Rect(x, y, strip.gray.cols - 2 * x, int(0.9f * targetHeight)) & cv::Rect(0, 0, strip.gray.cols, strip.gray.rows);
}

/// The grey strip; its colour mask is left to `markColour`, once the strip's slant is settled.
/// `slant` (from `characterSlant`) shears the strip so the characters stand upright: its rows
/// run along the line, its columns along the characters' strokes.
Strip straighten(const cv::Mat &gray, const TextLine &line, float scale, float slant) {
    const float h = line.characterHeight / scale;
    double mx = 0, my = 0;
    for (const auto &blob : line.blobs) { mx += blob.centerX(); my += blob.centerY(); }
    mx = mx / line.blobs.size() / scale;
    my = my / line.blobs.size() / scale;
    auto yAt = [&](double x) { return float(my + line.slope * (x - mx)); };
    const float margin = 1.2f * h, halfHeight = 1.1f * h;
    const float x0 = line.blobs.front().box.x / scale - margin;
    const float x1 = (line.blobs.back().box.x + line.blobs.back().box.width) / scale + margin;
    const float norm = std::sqrt(1 + line.slope * line.slope);
    Strip strip;
    strip.along = cv::Point2f(1 / norm, line.slope / norm);
    strip.down = cv::Point2f(-line.slope / norm, 1 / norm) - slant * strip.along;
    strip.left = cv::Point2f(x0, yAt(x0));
    const cv::Point2f right(x1, yAt(x1));
    strip.frameToStrip = targetHeight / h;
    strip.marginInStrip = margin * strip.frameToStrip;
    const int width = std::max(8, int(std::lround(cv::norm(right - strip.left) * strip.frameToStrip)));
    const int height = int(std::lround(2 * halfHeight * strip.frameToStrip));
    cv::Point2f source[3] = {strip.left - strip.down * halfHeight, right - strip.down * halfHeight,
                             strip.left + strip.down * halfHeight};
    cv::Point2f target[3] = {{0, 0}, {float(width), 0}, {0, float(height)}};
    strip.transform = cv::getAffineTransform(source, target);
    cv::warpAffine(gray, strip.gray, strip.transform, cv::Size(width, height), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    if (line.lightOnDark) strip.gray = 255 - strip.gray;
    return strip;
}

/// Fills `strip.colourful` from the colour frame `bgr`, cut as the strip's grey was.
void markColour(Strip &strip, const cv::Mat &bgr) {
    cv::Mat colour, hsv;
    cv::warpAffine(bgr, colour, strip.transform, strip.gray.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    cv::cvtColor(colour, hsv, cv::COLOR_BGR2HSV);
    cv::inRange(hsv, cv::Scalar(0, 90, 60), cv::Scalar(180, 255, 255), strip.colourful);
    // On a coloured plate (the yellow Dutch and Luxembourg ones) colour is the paper, not a
    // sticker: the blurred rims of the characters are coloured too, and clearing them would
    // break every stroke.
    const cv::Rect interior = plateInterior(strip);
    if (interior.area() > 0 && cv::countNonZero(strip.colourful(interior)) > colouredPaperShare * interior.area())
        strip.colourful.setTo(0);
}

/// Ink mask of the strip: a Gaussian-weighted local threshold about one character wide
/// (the plate's dark frame must not drag the level down near the characters' outer strokes),
/// offset by a tenth of the ink/paper contrast measured inside the plate (Otsu).
cv::Mat binarize(const Strip &strip) {
    const cv::Mat &gray = strip.gray;
    const cv::Rect interior = plateInterior(strip);
    double offset = 8;
    if (interior.area() >= 16) {
        cv::Mat unused;
        double level = cv::threshold(gray(interior), unused, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
        cv::Mat inkMask = gray(interior) <= level;
        double ink = cv::mean(gray(interior), inkMask)[0], paper = cv::mean(gray(interior), ~inkMask)[0];
        offset = std::max(2.0, 0.1 * (paper - ink));
    }
    cv::Mat ink;
    cv::adaptiveThreshold(gray, ink, 255, cv::ADAPTIVE_THRESH_GAUSSIAN_C, cv::THRESH_BINARY_INV,
                          int(targetHeight) | 1, offset);
    return ink;
}

/// Whether a hyphen is printed between `characters` (French, Belgian, Dutch plates; German
/// plates print none: their stickers stand in the gap): a short bar at mid-height of the
/// character band [`top`, `bottom`] (characters `m` high), between two characters, touching
/// none, and alone in its columns within the band (± `slack`): the pieces of a seal
/// sticker's emblem come with the rest of it.
bool hasPrintedHyphen(const std::vector<Component> &components, const std::vector<cv::Rect> &characters, float top,
                      float bottom, float m, float slack) {
    return std::any_of(components.begin(), components.end(), [&](const Component &c) {
        const cv::Rect &bar = c.box;
        const float middle = bar.y + 0.5f * bar.height;
        if (bar.width < 0.25f * m || bar.width > 0.8f * m || bar.height < 0.06f * m || bar.height > 0.3f * m ||
            bar.width < 1.5f * bar.height || middle <= top + 0.3f * m || middle >= top + 0.7f * m)
            return false;
        const bool left = std::any_of(characters.begin(), characters.end(), [&](const cv::Rect &k) { return k.x + k.width <= bar.x; });
        const bool right = std::any_of(characters.begin(), characters.end(), [&](const cv::Rect &k) { return k.x >= bar.x + bar.width; });
        const bool touches = std::any_of(characters.begin(), characters.end(), [&](const cv::Rect &k) { return (k & bar).area() > 0; });
        if (!left || !right || touches) return false;
        return std::none_of(components.begin(), components.end(), [&](const Component &o) {
            const bool sharesColumns = o.box.x < bar.x + bar.width && o.box.x + o.box.width > bar.x;
            const bool inRow = o.box.y < bottom + slack && o.box.y + o.box.height > top - slack;
            const bool pieceSized = o.box.height <= 1.6f * m && o.box.width <= 1.5f * m; // not the plate's border
            return o.label != c.label && sharesColumns && inRow && pieceSized;
        });
    });
}

/// Chooses the components that are the plate's characters (or pieces of them).
std::vector<cv::Rect> selectCharacters(const cv::Mat &labels, const cv::Mat &stats, const Strip &strip, float &height,
                                       std::vector<int> &keep, bool &hyphenated) {
    const int count = stats.rows, rows = strip.gray.rows, cols = strip.gray.cols;
    std::vector<Component> all;
    std::vector<float> heights;
    for (int label = 1; label < count; label++) {
        cv::Rect box(stats.at<int>(label, cv::CC_STAT_LEFT), stats.at<int>(label, cv::CC_STAT_TOP),
                     stats.at<int>(label, cv::CC_STAT_WIDTH), stats.at<int>(label, cv::CC_STAT_HEIGHT));
        all.push_back({box, label});
        bool touchesEdge = box.y == 0 || box.y + box.height >= rows;
        if (!touchesEdge && box.height >= 0.55f * targetHeight && box.height <= 1.8f * targetHeight &&
            box.width <= 5.0f * box.height)
            heights.push_back(box.height);
    }
    height = medianOf(heights);
    if (height <= 0) return {};
    const float m = height;
    std::vector<Component> characters, fragments, dots;
    for (const auto &c : all) {
        bool touchesEdge = c.box.y == 0 || c.box.y + c.box.height >= rows;
        // Up to several characters wide: blur merges neighbours, the OCR reads them anyway.
        if (touchesEdge || c.box.width > 5.0f * m) continue;
        // Up to 1.45 m: an umlaut's dots blurred onto its letter make it taller.
        if (c.box.height >= 0.75f * m && c.box.height <= 1.45f * m) characters.push_back(c);
        else if (c.box.height >= 0.2f * m && c.box.height < 0.75f * m) fragments.push_back(c);
        else if (c.box.height >= 0.06f * m && c.box.height < 0.2f * m && c.box.width < 0.3f * m) dots.push_back(c);
    }
    std::vector<float> tops, bottoms;
    for (const auto &c : characters) { tops.push_back(c.box.y); bottoms.push_back(c.box.y + c.box.height); }
    const float top = medianOf(tops), bottom = medianOf(bottoms), slack = 0.2f * m;
    auto inBand = [&](const cv::Rect &box) { return box.y >= top - slack && box.y + box.height <= bottom + slack; };
    // A plate border cut to character height is thinner than any character stroke.
    auto thick = [&](const cv::Rect &box) { return box.width >= 0.08f * m; };
    // What lies between the detected first and last character is kept; beyond that only
    // characters that continue the row (the plate border and EU band do not).
    const float spanLeft = strip.marginInStrip - 0.1f * m, spanRight = cols - spanLeft;
    std::vector<cv::Rect> kept;
    std::vector<Component> outside;
    for (const auto &c : characters) {
        if (!inBand(c.box) || !thick(c.box)) continue;
        float centre = c.box.x + c.box.width * 0.5f;
        if (centre < spanLeft || centre > spanRight) { outside.push_back(c); continue; }
        keep.push_back(c.label);
        kept.push_back(c.box);
    }
    if (kept.empty()) return {};
    auto extent = [&]() {
        cv::Rect all = kept.front();
        for (const auto &box : kept) all |= box;
        return all;
    };
    for (bool grew = true; grew;) {
        grew = false;
        cv::Rect row = extent();
        for (auto &c : outside) {
            if (c.label < 0) continue;
            bool continuesLeft = c.box.x < row.x && row.x - (c.box.x + c.box.width) < 0.5f * m;
            bool continuesRight = c.box.x + c.box.width > row.x + row.width && c.box.x - (row.x + row.width) < 0.5f * m;
            if (!continuesLeft && !continuesRight) continue;
            keep.push_back(c.label);
            kept.push_back(c.box);
            c.label = -1;
            grew = true;
            break;
        }
    }
    // Pieces of broken characters: in the character band, sharing columns with a character
    // or close beside one so that together they are still one character wide. Stickers
    // and coats of arms stand apart.
    const size_t characterCount = kept.size();
    for (const auto &f : fragments) {
        if (!inBand(f.box)) continue;
        for (size_t i = 0; i < characterCount; i++) {
            cv::Rect joined = kept[i] | f.box;
            // Touching or sharing columns: a seal sticker's rim beside a narrow I or 1 is
            // narrow enough to pass for a piece of it, but stands apart from it
            // (200 rendered frames: 2 more read than with a 0.1 m margin).
            bool near = f.box.x <= kept[i].x + kept[i].width && f.box.x + f.box.width >= kept[i].x;
            if (near && joined.width <= 0.85f * m) { keep.push_back(f.label); kept.push_back(f.box); break; }
        }
    }
    hyphenated = hasPrintedHyphen(all, std::vector<cv::Rect>(kept.begin(), kept.begin() + characterCount), top,
                                  bottom, m, slack);
    // Umlaut dots: small, in the top of the character band, over a character whose body
    // starts below the usual top (the plate font shortens umlaut letters to make room).
    // Kept, the glyph model can tell Ü from U (200 rendered frames: 1 more read before it
    // was trained with them).
    for (const auto &d : dots) {
        if (d.box.y < top - slack || d.box.y + d.box.height > top + 0.35f * m) continue;
        for (size_t i = 0; i < characterCount; i++) {
            const cv::Rect &letter = kept[i];
            bool over = d.box.x >= letter.x - 0.05f * m && d.box.x + d.box.width <= letter.x + letter.width + 0.05f * m;
            if (over && letter.y >= d.box.y + d.box.height && letter.y - top > 0.1f * m) {
                keep.push_back(d.label);
                kept.push_back(d.box);
                break;
            }
        }
    }
    return kept;
}

/// Groups kept components into characters: pieces that share columns belong together.
std::vector<cv::Rect> characterColumns(std::vector<cv::Rect> components) {
    std::sort(components.begin(), components.end(), [](const auto &a, const auto &b) { return a.x < b.x; });
    std::vector<cv::Rect> columns;
    for (const auto &box : components) {
        if (!columns.empty()) {
            cv::Rect &last = columns.back();
            int shared = std::min(last.x + last.width, box.x + box.width) - std::max(last.x, box.x);
            if (shared > 0.3f * std::min(last.width, box.width)) { last |= box; continue; }
        }
        columns.push_back(box);
    }
    return columns;
}

/// The gap before each character in character heights, measured between centres against
/// the plate's usual pitch: a narrow `1` or `I` sits inside a full-width cell, so the
/// space between its box and its neighbours' says little; the distance between centres
/// does. A character at the usual pitch gets 0.12 (the space inside a group).
std::vector<float> plateGaps(const std::vector<cv::Rect> &columns, float height) {
    std::vector<float> distances;
    for (size_t i = 1; i < columns.size(); i++)
        distances.push_back((columns[i].x + columns[i].width * 0.5f) - (columns[i - 1].x + columns[i - 1].width * 0.5f));
    const float pitch = medianOf(distances);
    std::vector<float> gaps{0.f};
    for (size_t i = 1; i < columns.size(); i++) {
        float edgeGap = float(columns[i].x - (columns[i - 1].x + columns[i - 1].width)) / height;
        float pitchGap = 0.12f + (distances[i - 1] - pitch) / height;
        // Wide characters (M, W) next to each other: the pitch says nothing, the edges do.
        gaps.push_back(std::max(0.f, columns.size() >= 4 ? std::min(pitchGap, std::max(edgeGap, 0.12f)) : edgeGap));
    }
    return gaps;
}

/// Lays the characters out with even spacing on a white canvas, `targetHeight` tall.
/// Perspective and plate layout make gaps uneven (sticker gaps, isolated narrow characters)
/// and Tesseract drops a lone narrow `I` or `1` after a wide gap; the real gaps are kept in
/// `crop.columns` instead. `ink` (binary) goes to `crop.binary`, `grey` to `crop.grey`.
void relayout(const cv::Mat &ink, const cv::Mat &grey, const std::vector<cv::Rect> &components, float height,
              PlateCrop &crop) {
    std::vector<cv::Rect> columns = characterColumns(components);
    if (columns.empty()) return;
    int top = columns.front().y, bottom = columns.front().y + columns.front().height;
    for (const auto &c : columns) { top = std::min(top, c.y); bottom = std::max(bottom, c.y + c.height); }
    const float m = height;
    const int pad = int(0.5f * m), spacing = int(0.2f * m), wordSpace = int(0.45f * m);
    std::vector<float> gaps = plateGaps(columns, m);
    int width = 2 * pad;
    for (size_t i = 0; i < columns.size(); i++) width += columns[i].width + (i == 0 ? 0 : gaps[i] > 0.4f ? wordSpace : spacing);
    cv::Mat canvas(bottom - top + pad, width, CV_8U, cv::Scalar(255));
    cv::Mat greyCanvas(canvas.size(), CV_8U, cv::Scalar(255));
    int x = pad;
    const float toTarget = targetHeight / m;
    for (size_t i = 0; i < columns.size(); i++) {
        if (i > 0) x += gaps[i] > 0.4f ? wordSpace : spacing;
        cv::Rect source(columns[i].x, top, columns[i].width, bottom - top);
        cv::Rect target(x, pad / 2, source.width, source.height);
        ink(source).copyTo(canvas(target));
        grey(source).copyTo(greyCanvas(target));
        crop.columns.push_back({int(x * toTarget), int((x + source.width) * toTarget), gaps[i]});
        x += source.width;
    }
    if (std::abs(toTarget - 1) > 0.1f) {
        const int interpolation = toTarget < 1 ? cv::INTER_AREA : cv::INTER_LINEAR;
        cv::resize(canvas, crop.binary, cv::Size(), toTarget, toTarget, interpolation);
        cv::threshold(crop.binary, crop.binary, 127, 255, cv::THRESH_BINARY);
        cv::resize(greyCanvas, crop.grey, cv::Size(), toTarget, toTarget, interpolation);
    } else {
        crop.binary = canvas;
        crop.grey = greyCanvas;
    }
    crop.characterHeight = targetHeight;
}

/// The kept characters in grey: the strip's own pixels, stretched so ink is black and paper
/// white, inside a slightly grown mask of the kept components; white elsewhere.
cv::Mat greyCharacters(const Strip &strip, const cv::Mat &clean, const cv::Mat &ink) {
    cv::Mat mask = clean == 0;
    double inkLevel = cv::mean(strip.gray, mask)[0];
    // Grown by one pixel: the anti-aliased rim is what keeps blurred strokes apart.
    // Measured on 200 synthetic frames (grey alone): radius 1 48.5 %, 2 45.5 %, 3 43 %.
    cv::Mat grown;
    cv::dilate(mask, grown, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(3, 3)));
    cv::Mat ring = grown & ~ink;
    double paperLevel = cv::countNonZero(ring) > 0 ? cv::mean(strip.gray, ring)[0] : 255;
    if (paperLevel - inkLevel < 10) paperLevel = inkLevel + 10;
    cv::Mat out;
    strip.gray.convertTo(out, CV_8U, 255.0 / (paperLevel - inkLevel), -inkLevel * 255.0 / (paperLevel - inkLevel));
    out.setTo(255, ~grown);
    return out;
}

} // namespace

/// Drops components that are mostly saturated colour: characters are black (or white on
/// dark plates), while the seal stickers, the EU band and emblems are coloured. The gap
/// a sticker leaves is what tells M-AB from MA-B, so it must not be read as a character.
void dropColouredComponents(const cv::Mat &labels, const Strip &strip, std::vector<int> &keep,
                            std::vector<cv::Rect> &kept, int labelCount) {
    std::vector<int> total(labelCount, 0), coloured(labelCount, 0);
    for (int y = 0; y < labels.rows; y++) {
        const int *row = labels.ptr<int>(y);
        const uint8_t *colour = strip.colourful.ptr<uint8_t>(y);
        for (int x = 0; x < labels.cols; x++) {
            total[row[x]]++;
            if (colour[x]) coloured[row[x]]++;
        }
    }
    std::vector<int> keptLabels;
    std::vector<cv::Rect> keptBoxes;
    for (size_t i = 0; i < keep.size(); i++) {
        int label = keep[i];
        if (coloured[label] > 0.3 * total[label]) continue;
        keptLabels.push_back(label);
        keptBoxes.push_back(kept[i]);
    }
    keep.swap(keptLabels);
    kept.swap(keptBoxes);
}

PlateCrop cropPlate(const cv::Mat &bgr, const cv::Mat &gray, const TextLine &line, float scale) {
    Strip strip = straighten(gray, line, scale, 0);
    cv::Mat ink = binarize(strip);
    if (const float slant = characterSlant(ink, plateInterior(strip), line.slope); std::abs(slant) >= smallestSlant) {
        strip = straighten(gray, line, scale, slant);
        ink.release();
    }
    markColour(strip, bgr);
    if (undoMotionBlur(strip.gray, plateInterior(strip), strip.frameToStrip) > 0 || ink.empty()) ink = binarize(strip);
    // Coloured pixels are never character ink (see dropColouredComponents); clearing them
    // first keeps a character that blur has joined to a sticker.
    ink.setTo(0, strip.colourful);
    cv::Mat labels, stats, centroids;
    int count = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
    PlateCrop crop;
    crop.strip = strip.gray;
    crop.ink = ink;
    float height = 0;
    std::vector<int> keep;
    std::vector<cv::Rect> kept = selectCharacters(labels, stats, strip, height, keep, crop.hyphenated);
    dropColouredComponents(labels, strip, keep, kept, count);
    if (!kept.empty()) {
        std::vector<uint8_t> keptLabel(stats.rows, 0);
        for (int label : keep) keptLabel[label] = 1;
        cv::Mat clean(strip.gray.size(), CV_8U, cv::Scalar(255));
        for (int y = 0; y < clean.rows; y++) {
            const int *row = labels.ptr<int>(y);
            uint8_t *out = clean.ptr<uint8_t>(y);
            for (int x = 0; x < clean.cols; x++) if (keptLabel[row[x]]) out[x] = 0;
        }
        relayout(clean, greyCharacters(strip, clean, ink), kept, height, crop);
    }

    // Plate outline in frame pixels: the characters plus the margins of a real plate.
    const float h = line.characterHeight / scale * (height > 0 ? height / targetHeight : 1.f);
    const float lineLength = strip.gray.cols / strip.frameToStrip - 2 * strip.marginInStrip / strip.frameToStrip;
    const cv::Point2f firstCharacter = strip.left + strip.along * (strip.marginInStrip / strip.frameToStrip);
    const cv::Point2f pl = firstCharacter - strip.along * ((line.hasEUBand ? 1.0f : 0.35f) * h);
    const cv::Point2f pr = firstCharacter + strip.along * (lineLength + 0.3f * h);
    const float plateHalf = 0.75f * h;
    crop.corners[0] = pl - strip.down * plateHalf;
    crop.corners[1] = pr - strip.down * plateHalf;
    crop.corners[2] = pr + strip.down * plateHalf;
    crop.corners[3] = pl + strip.down * plateHalf;
    return crop;
}

} // namespace plate_vision
