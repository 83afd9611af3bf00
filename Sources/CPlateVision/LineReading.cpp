// The readings of one candidate's line: Tesseract's (binary, grey, fallback model), the
// glyph network's and the line model's, each symbol checked against the shapes the OCR confuses.

#include "EngineAgreement.hpp"
#include "ReaderState.hpp"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cstring>

namespace plate_vision {

namespace {

/// Below this Tesseract symbol confidence a line is read again by the fallback model.
constexpr float uncertainSymbol = 0.95f;

bool unsure(const std::vector<CharacterRecognizer::Symbol> &symbols) {
    if (symbols.empty()) return true;
    for (const auto &symbol : symbols)
        if (symbol.reading.symbolConfidence < uncertainSymbol) return true;
    return false;
}

/// `crop` with its line opened at each cut (ascending) by the spacing the re-layout puts
/// between characters; the pieces become columns of their own, 0.12 apart (the gap inside a
/// group), so that Tesseract, too, reads characters blur had joined as two.
PlateCrop separated(const PlateCrop &crop, const std::vector<int> &cuts) {
    const int spacing = std::max(2, int(0.2f * crop.characterHeight));
    PlateCrop out = crop;
    std::vector<cv::Mat> binaryParts, greyParts;
    const cv::Mat white(crop.binary.rows, spacing, CV_8U, cv::Scalar(255));
    int from = 0;
    for (int cut : cuts) {
        binaryParts.push_back(crop.binary.colRange(from, cut));
        greyParts.push_back(crop.grey.colRange(from, cut));
        binaryParts.push_back(white);
        greyParts.push_back(white);
        from = cut;
    }
    binaryParts.push_back(crop.binary.colRange(from, crop.binary.cols));
    greyParts.push_back(crop.grey.colRange(from, crop.grey.cols));
    cv::hconcat(binaryParts, out.binary);
    cv::hconcat(greyParts, out.grey);
    auto shifted = [&](int x) { return x + spacing * int(std::count_if(cuts.begin(), cuts.end(), [&](int c) { return c < x; })); };
    out.columns.clear();
    for (const auto &column : crop.columns) {
        int left = column.left;
        float gap = column.gapBefore;
        for (int cut : cuts) {
            if (cut <= left || cut >= column.right) continue;
            out.columns.push_back({shifted(left), shifted(cut - 1) + 1, gap});
            left = cut;
            gap = 0.12f;
        }
        out.columns.push_back({shifted(left), shifted(column.right - 1) + 1, gap});
    }
    return out;
}

/// A Tesseract character below this confidence is not corroborated by the line model's
/// reading the same: both read a trailing `7` in the frame beside the Slovak `RK 828AG`
/// (Tesseract at 0.00), and without the re-reads it won.
constexpr float corroboratedSymbol = 0.5f;

/// Whether the line model's reading (`line`) gives Tesseract's characters (`first`), each
/// symbol's best choice, with no Tesseract character below `corroboratedSymbol`.
bool corroborates(const std::vector<CharacterRecognizer::Symbol> &line, const std::vector<CharacterRecognizer::Symbol> &first) {
    if (line.empty() || line.size() != first.size()) return false;
    for (size_t i = 0; i < line.size(); i++)
        if (strcmp(line[i].reading.choices[0].utf8, first[i].reading.choices[0].utf8) != 0 ||
            first[i].reading.symbolConfidence < corroboratedSymbol)
            return false;
    return true;
}

} // namespace

/// The readings of a candidate: the first model on the binary characters; when it is unsure
/// of any character, also the first model on the grey characters (blurred plates, whose
/// binarised strokes merge) and the fallback model on the binary ones (umlauts, other
/// shapes). With a glyph model, also its one-character-per-column reading when the line is
/// in a font the model knows; with a line model, its reading of the whole line, and where it
/// corroborates the first model, no re-reads. The caller weighs the readings with the plate grammar, which
/// judges them better than Tesseract's own confidences do.
/// Measured (60 real photos / 200 synthetic frames): binary eng with deu fallback chosen by
/// mean confidence 85 % / 36 %; grey alone 78 % / 48 %; all three 83.3 % / 53.5 %; with the
/// glyph reading (24 prototypes per character) 83.3 % / 59.0 %; with the glyph network (and
/// the crop and grammar changes that came with it) 85.0 % / 71.0 %. Where the glyph model
/// cuts an unsure column into sure characters, every reading gets the line opened there
/// (`crop` is replaced): 85.0 % / 69.5 %, 68.5 % when only the glyph reading had the cut
/// (Tesseract's three readings outvoted it: LSZ-R 6 over LSZ-IR 6).
std::vector<LineReading> readLine(CPlateVision_Reader &reader, PlateCrop &crop, LineModel::Steps &lineSteps) {
    std::vector<CharacterRecognizer::Symbol> glyphs;
    if (reader.glyphs) {
        std::vector<int> cuts;
        glyphs = reader.glyphs->read(crop, &cuts); // empty when the line is not in a font it knows
        if (!cuts.empty()) {
            crop = separated(crop, cuts);
            glyphs = reader.glyphs->read(crop);
        }
    }
    std::vector<LineReading> readings{{LineReading::firstModel, reader.recognizer->read(crop.binary)}};
    const bool firstUnsure = unsure(readings.front().symbols);
    const float agreement = glyphs.empty() ? -1.f : glyphAgreement(glyphs, readings.front().symbols);
    if (agreement >= 0 && agreement < minimumGlyphAgreement) glyphs.clear(); // a font it does not know
    if (!glyphs.empty()) readings.push_back({LineReading::glyphModel, std::move(glyphs)});
    // The line model reads no line in which Tesseract found no character: on junk (a grille
    // beside a real photo's plate) it read `W-R 3`, which outranked the plate. Where it reads
    // Tesseract's characters, the re-reads for an unsure Tesseract are skipped: two engines
    // agree (the rendered benchmarks read the same, the reader is 10-15 % faster).
    bool corroborated = false;
    if (reader.lines && !readings.front().symbols.empty()) {
        auto sequence = reader.lines->read(crop.grey, &lineSteps);
        corroborated = corroborates(sequence, readings.front().symbols);
        if (!sequence.empty()) readings.push_back({LineReading::lineModel, std::move(sequence)});
    }
    if (firstUnsure && !corroborated) {
        readings.push_back({LineReading::firstModelGrey, reader.recognizer->read(crop.grey)});
        if (reader.hasFallback) {
            if (!reader.fallback) reader.fallback = reader.fallbackLoading.get();
            if (reader.fallback && reader.fallback->ready())
                readings.push_back({LineReading::fallbackModel, reader.fallback->read(crop.binary)});
        }
    }
    // Not on a plate with a printed hyphen (Dutch, French, Belgian): the network reads the
    // hyphen's column as a 1 (`97-FHF-6`, whose 7 and hyphen Tesseract read as one 7).
    if (!crop.hyphenated && agreement >= minimumSplitAgreement && readings.size() > 1 &&
        readings[1].source == LineReading::glyphModel)
        for (auto &reading : readings)
            if (reading.source != LineReading::glyphModel) reading.symbols = splitMerged(reading.symbols, readings[1].symbols);
    for (auto &reading : readings) {
        checkStems(crop.binary, reading.symbols);
        checkTails(crop.binary, reading.symbols);
    }
    return readings;
}

} // namespace plate_vision
