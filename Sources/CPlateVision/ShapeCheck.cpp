// A check of the OCR's D/O decision against the character's shape. The stock models, trained
// on book fonts, read the narrow plate D (a straight stem with square corners on the left)
// as O when it is blurred; O, 0 and Q are round on the left. The left edge tells them apart
// in every plate font (DIN 1451, FE-Schrift).

#include "CharacterRecognizer.hpp"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cstring>
#include <vector>

namespace plate_vision {

namespace {

int choiceIndex(const CPlateVision_Symbol &symbol, const char *text) {
    for (int k = 0; k < symbol.choiceCount; k++)
        if (strcmp(symbol.choices[k].utf8, text) == 0) return k;
    return -1;
}

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

} // namespace

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
