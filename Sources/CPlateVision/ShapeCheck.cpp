// A check of the OCR's D/O decision against the character's shape. The stock models, trained
// on book fonts, read the narrow plate D (a straight stem with square corners on the left)
// as O when it is blurred; O, 0 and Q are round on the left. The left edge tells them apart
// in every plate font (DIN 1451, FE-Schrift). And of Q against O, 0 and D: the plate fonts'
// Q ends in a tail that sticks out right of its bowl at the bottom.

#include "CharacterRecognizer.hpp"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

namespace plate_vision {

int choiceIndex(const CPlateVision_Symbol &symbol, const char *text) {
    for (int k = 0; k < symbol.choiceCount; k++)
        if (strcmp(symbol.choices[k].utf8, text) == 0) return k;
    return -1;
}

namespace {

/// A Q's tail lies in the bottom quarter of its height (`endsInTail`).
constexpr float tailZone = 0.25f;
/// What a round letter's (O, 0, D) score is multiplied by behind a Q whose tail was found.
constexpr float roundBehindTail = 0.25f;

/// How far the left edge of the ink near the top and bottom of the character lies right of
/// the edge at mid-height, in character widths: about 0 for a stem (D, B), 0.15-0.35 for a
/// round left side (O, 0, Q). Negative when the character cannot be measured.
/// The ends are taken at 4-8 % of the height from the top and bottom: the narrow plate font's
/// O and Q have straight sides and round only at their ends, where 8-12 % measured a Q as
/// a stem (`WIS-TQ 241` read `WIS-TD 241` in every frame of a drive).
float leftRoundness(const cv::Mat &binary, int left, int right) {
    left = std::max(0, left);
    right = std::min(binary.cols, right);
    if (right - left < 4) return -1;
    std::vector<int> leftmost;
    for (int y = 0; y < binary.rows; y++) {
        const uint8_t *row = binary.ptr<uint8_t>(y);
        int x = left;
        while (x < right && row[x] != 0) x++;
        if (x < right) leftmost.push_back(x - left);
    }
    const int height = int(leftmost.size());
    if (height < 12) return -1;
    auto at = [&](float fraction) { return float(leftmost[std::min(height - 1, int(fraction * height))]); };
    const float middle = std::min({at(0.4f), at(0.5f), at(0.6f)});
    const float ends = 0.5f * (std::max(at(0.04f), at(0.08f)) + std::max(at(0.92f), at(0.96f)));
    return (ends - middle) / float(right - left);
}

/// Whether the character's right end is a tail: its last ink columns hold ink only in the
/// bottom `tailZone` of the character's height. The plate fonts' Q ends in a tail that sticks
/// out right of its bowl at the bottom; O, 0 and D end in a round side whose last columns
/// have their ink around mid-height.
bool endsInTail(const cv::Mat &binary, int left, int right) {
    left = std::max(0, left);
    right = std::min(binary.cols, right);
    std::vector<std::pair<int, int>> columns; // first and last ink row of each column with ink
    for (int x = left; x < right; x++) {
        int first = -1, last = -1;
        for (int y = 0; y < binary.rows; y++)
            if (binary.at<uint8_t>(y, x) == 0) {
                if (first < 0) first = y;
                last = y;
            }
        if (first >= 0) columns.push_back({first, last});
    }
    if (columns.size() < 6) return false;
    int top = binary.rows, bottom = -1;
    for (const auto &[first, last] : columns) top = std::min(top, first), bottom = std::max(bottom, last);
    const float height = float(bottom - top + 1);
    if (height < 12) return false;
    const float tailTop = float(bottom) - tailZone * height;
    return float(columns.back().first) > tailTop && float(columns[columns.size() - 2].first) > tailTop;
}

} // namespace

/// Puts Q first when the character ends in a tail and the reading put Q or a round letter
/// (O, 0, D) first, and moves the round letters well behind it. The glyph network, which sees
/// a character scaled to its own box, read the rendered `ÖHR-QX 8` as `ÖHR-DX 8` at 0.99 and
/// the plate went out as that at 0.94; in drives, where the OCR mostly gives 0 or O with no Q
/// at all, Q plates read right in every frame kept their O reading close behind
/// (`DL-QM 78` 0.64, `DL-OM 78` 0.52) and no case could be raised.
/// Measured on 931 drive frames (seeds 7-38, 283 Q and 1270 O, 0 and D of deslanted strips):
/// the tail was found on 257 Q read by Tesseract and 237 by the glyph network, and on no O, 0
/// or D. (Before the strips were deslanted, on 4 of 230 Q: a leaning Q ends in its bowl.)
/// Measured as the tail reaching lower at the right end than the bowl at the left, it
/// had made D, O and 0 into Q: 139 -> 137 German plates and 54 -> 52 real photos.
void checkTails(const cv::Mat &binary, std::vector<CharacterRecognizer::Symbol> &symbols) {
    // The readings' columns may cut a pixel or two off the character (the glyph network's
    // did off the rendered Q's tail): look up to `margin` beyond, short of the next one.
    const int margin = std::max(2, binary.rows / 20);
    auto isRound = [](const char *text) { return strcmp(text, "O") == 0 || strcmp(text, "0") == 0 || strcmp(text, "D") == 0; };
    for (size_t i = 0; i < symbols.size(); i++) {
        CPlateVision_Symbol &symbol = symbols[i].reading;
        if (symbol.choiceCount == 0) continue;
        const int q = choiceIndex(symbol, "Q");
        if (q != 0 && !isRound(symbol.choices[0].utf8)) continue;
        const int right = std::min(i + 1 < symbols.size() ? symbols[i + 1].left : binary.cols, symbols[i].right + margin);
        if (!endsInTail(binary, symbols[i].left, right)) continue;
        if (q > 0) {
            std::swap(symbol.choices[q].utf8, symbol.choices[0].utf8); // Q takes the first place and its score
        } else if (q < 0) {
            const int count = std::min(symbol.choiceCount + 1, int(CPlateVision_MaxChoices));
            for (int k = count - 1; k > 0; k--) symbol.choices[k] = symbol.choices[k - 1];
            std::snprintf(symbol.choices[0].utf8, sizeof symbol.choices[0].utf8, "Q");
            symbol.choiceCount = count;
        }
        for (int k = 1; k < symbol.choiceCount; k++)
            if (isRound(symbol.choices[k].utf8)) symbol.choices[k].confidence *= roundBehindTail;
        std::stable_sort(symbol.choices + 1, symbol.choices + symbol.choiceCount,
                         [](const CPlateVision_Choice &a, const CPlateVision_Choice &b) { return a.confidence > b.confidence; });
    }
}

/// Re-ranks D against O, 0 and Q by the character's left side when the OCR considered both.
/// `binary` is the image the symbols' columns refer to (0 = ink).
void checkStems(const cv::Mat &binary, std::vector<CharacterRecognizer::Symbol> &symbols) {
    constexpr float straight = 0.08f, round = 0.16f;
    for (auto &recognized : symbols) {
        CPlateVision_Symbol &symbol = recognized.reading;
        const int d = choiceIndex(symbol, "D");
        int o = -1;
        for (const char *roundOne : {"O", "0", "Q"}) {
            int k = choiceIndex(symbol, roundOne);
            if (k >= 0 && (o < 0 || k < o)) o = k;
        }
        if (d < 0 || o < 0) continue;
        const float roundness = leftRoundness(binary, recognized.left, recognized.right);
        if (roundness < 0) continue;
        const bool dShape = roundness < straight, oShape = roundness > round;
        if ((dShape && d > o) || (oShape && o > d)) {
            // The shape's letter takes the place (and score) the other one had.
            const int winner = dShape ? d : o, loser = dShape ? o : d;
            std::swap(symbol.choices[winner].utf8, symbol.choices[loser].utf8);
        }
    }
}

} // namespace plate_vision
