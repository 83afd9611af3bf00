// The reader's state, and the steps of reading a candidate that its files share: the
// readings of a line (LineReading.cpp) and the PLATEVISION_DEBUG_DIR output (ReaderDebug.cpp).

#pragma once

#include "CharacterRecognizer.hpp"
#include "GlyphClassifier.hpp"
#include "LineModel.hpp"
#include "Internal.hpp"

#include <future>
#include <memory>
#include <string>
#include <vector>

struct CPlateVision_Reader {
    std::unique_ptr<plate_vision::CharacterRecognizer> recognizer;
    std::unique_ptr<plate_vision::CharacterRecognizer> fallback; // second opinion on uncertain lines
    // The fallback model loads on the other core while the first model loads and the first
    // frame is read (both take 70-90 ms): a one-image run pays for one load, not two.
    std::future<std::unique_ptr<plate_vision::CharacterRecognizer>> fallbackLoading;
    bool hasFallback = false;
    std::unique_ptr<plate_vision::GlyphClassifier> glyphs; // one character per column, plate fonts
    std::unique_ptr<plate_vision::LineModel> lines;        // the whole line as a sequence, plate fonts
    std::unique_ptr<plate_vision::LineModel> lineJudge;    // a second opinion on the line's texts
    int maxCandidates = 4;
    // What the line model saw of each candidate of the frame read last (by
    // CPlateVision_Plate.candidate), for CPlateVision_ReaderLineLikelihoods.
    struct CandidateLine {
        plate_vision::LineModel::Steps steps; // the line model's; empty where it did not run
        cv::Mat grey;                         // the line it read, for the judge
        plate_vision::LineModel::Steps judgeSteps; // the judge's, once asked for
    };
    std::vector<CandidateLine> candidateLines;
    const char *debugFolder = nullptr; // PLATEVISION_DEBUG_DIR: write each OCR crop there
    int debugCounter = 0;
    int debugFrame = 0;
};

namespace plate_vision {

/// One reading of a candidate and where it comes from.
struct LineReading {
    enum Source { firstModel, glyphModel, firstModelGrey, fallbackModel, lineModel } source;
    std::vector<CharacterRecognizer::Symbol> symbols;
};

/// Every reading of a candidate's line (see LineReading.cpp); `crop` is replaced by the line
/// opened where the glyph reading cut joined characters apart; `lineSteps` the line model's
/// label probabilities for the line (none where it did not run).
std::vector<LineReading> readLine(CPlateVision_Reader &reader, PlateCrop &crop, LineModel::Steps &lineSteps);

/// PLATEVISION_DEBUG_DIR (ReaderDebug.cpp): the candidate's images, returning its number.
int writeDebugImages(CPlateVision_Reader &reader, const PlateCandidate &candidate);
/// PLATEVISION_DEBUG_DIR: the candidate's band, its letters and the country read there.
void writeDebugBand(const CPlateVision_Reader &reader, int number, const cv::Mat &bgr, cv::Rect band,
                    const cv::Mat &letters, const std::string &country);
/// PLATEVISION_DEBUG_DIR: every reading of candidate `number`.
void writeDebugReadings(const CPlateVision_Reader &reader, int number, const std::vector<LineReading> &readings);
/// PLATEVISION_DEBUG_DIR: every text line the frame's detection found, and what became of it.
void writeDebugLines(CPlateVision_Reader &reader, const std::vector<TextLine> &lines,
                     const std::vector<PlateCandidate> &candidates, const std::vector<int> &knownAt, float scale);

} // namespace plate_vision
