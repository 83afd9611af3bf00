// The reader: frame -> plate candidates -> rectified characters -> OCR symbols.

#include "ReaderState.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace plate_vision;

namespace {

void fillPlate(CPlateVision_Plate &plate, const PlateCandidate &candidate, const cv::Size &frameSize) {
    cv::Rect box = candidate.box(frameSize);
    plate.x = box.x; plate.y = box.y; plate.width = box.width; plate.height = box.height;
    for (int i = 0; i < 4; i++) {
        plate.corners[2 * i] = candidate.crop.corners[i].x;
        plate.corners[2 * i + 1] = candidate.crop.corners[i].y;
    }
    plate.detectionScore = candidate.line.score;
    plate.characterHeight = candidate.frameCharacterHeight();
    plate.hasEUBand = candidate.line.hasEUBand ? 1 : 0;
    plate.hyphenated = candidate.crop.hyphenated ? 1 : 0;
}

/// Whether `<folder>/<model>.traineddata` exists (folder NULL: Tesseract's default folders).
bool modelExists(const char *folder, const char *model) {
    std::vector<std::string> folders;
    if (folder != nullptr && *folder != '\0') folders.push_back(folder);
    else {
        if (const char *prefix = getenv("TESSDATA_PREFIX")) folders.push_back(prefix);
        folders.push_back("/usr/share/tesseract-ocr/5/tessdata");
        folders.push_back("/usr/share/tesseract-ocr/4.00/tessdata");
        folders.push_back("/usr/local/share/tessdata");
    }
    for (const auto &f : folders) {
        std::string path = f + "/" + model + ".traineddata";
        if (FILE *file = fopen(path.c_str(), "rb")) { fclose(file); return true; }
    }
    return false;
}

/// Copies the OCR's symbols into `plate`, each with the plate gap of the character column
/// it was read from (the OCR saw evenly re-spaced characters).
void placeSymbols(const std::vector<CharacterRecognizer::Symbol> &symbols, const PlateCrop &crop,
                  CPlateVision_Plate &plate) {
    int previousColumn = -1;
    for (int i = 0; i < plate.symbolCount; i++) {
        plate.symbols[i] = symbols[i].reading;
        float centre = (symbols[i].left + symbols[i].right) * 0.5f;
        int column = 0;
        float distance = 1e9f;
        for (size_t c = 0; c < crop.columns.size(); c++) {
            float d = centre < crop.columns[c].left    ? crop.columns[c].left - centre
                      : centre > crop.columns[c].right ? centre - crop.columns[c].right
                                                       : 0.f;
            if (d < distance) { distance = d; column = int(c); }
        }
        bool newColumn = column != previousColumn && !crop.columns.empty();
        float gap = 0;
        if (i > 0 && newColumn) {
            gap = std::max(crop.columns[column].gapBefore, 0.f);
            // Columns read as no character (seal stickers) widen the gap they stand in.
            for (int skipped = previousColumn + 1; skipped < column; skipped++)
                gap += std::max(crop.columns[skipped].gapBefore, 0.f) +
                       float(crop.columns[skipped].right - crop.columns[skipped].left) / crop.characterHeight;
        }
        plate.symbols[i].gapBefore = gap;
        previousColumn = column;
    }
}

/// Which known plate each candidate was found at (-1: none): a candidate whose centre is at
/// most 3/4 of the expected width and height from the expected centre and whose width is
/// 2/3 to 3/2 of the expected; for each known plate the nearest such candidate.
std::vector<int> findKnownPlates(const std::vector<cv::Rect> &boxes, const CPlateVision_KnownPlate *known,
                                 int knownCount) {
    std::vector<int> found(boxes.size(), -1);
    for (int k = 0; k < knownCount; k++) {
        const CPlateVision_KnownPlate &plate = known[k];
        if (plate.width <= 0 || plate.height <= 0) continue;
        const float cx = plate.x + plate.width * 0.5f, cy = plate.y + plate.height * 0.5f;
        int nearest = -1;
        float nearestDistance = 0;
        for (size_t c = 0; c < boxes.size(); c++) {
            if (found[c] >= 0) continue;
            const cv::Rect &box = boxes[c];
            float dx = std::abs(box.x + box.width * 0.5f - cx) / plate.width;
            float dy = std::abs(box.y + box.height * 0.5f - cy) / plate.height;
            float ratio = float(box.width) / plate.width;
            if (dx > 0.75f || dy > 0.75f || ratio < 2.f / 3 || ratio > 1.5f) continue;
            float distance = dx * dx + dy * dy;
            if (nearest < 0 || distance < nearestDistance) { nearest = int(c); nearestDistance = distance; }
        }
        if (nearest >= 0) found[nearest] = k;
    }
    return found;
}

/// A model of type `Model` (constructed from a path and an error string) loading on another
/// thread; no future when `path` is NULL or empty (no such model).
template <class Model>
std::future<std::pair<std::unique_ptr<Model>, std::string>> loadInBackground(const char *path) {
    if (path == nullptr || *path == '\0') return {};
    return std::async(std::launch::async, [path = std::string(path)] {
        std::string error;
        auto model = std::make_unique<Model>(path, error);
        return std::make_pair(std::move(model), error);
    });
}

/// Waits for `loading` (if any) and moves its model to `model`; false with `status` set when
/// the model could not be loaded.
template <class Model>
bool loaded(std::future<std::pair<std::unique_ptr<Model>, std::string>> &loading, std::unique_ptr<Model> &model,
            CPlateVision_Status *status) {
    if (!loading.valid()) return true;
    auto [result, error] = loading.get();
    if (!result->ready()) {
        setStatus(status, CPlateVision_ErrorOCRUnavailable, "%s", error.c_str());
        return false;
    }
    model = std::move(result);
    return true;
}

} // namespace

extern "C" CPlateVision_Reader *CPlateVision_ReaderCreate(const CPlateVision_ReaderOptions *options,
                                                          CPlateVision_Status *status) {
    return guarded<CPlateVision_Reader *>(status, nullptr, [&]() -> CPlateVision_Reader * {
        CPlateVision_ReaderOptions defaults{nullptr, "eng", nullptr, 4, nullptr, nullptr, nullptr, nullptr, nullptr};
        const CPlateVision_ReaderOptions &o = options ? *options : defaults;
        auto reader = std::make_unique<CPlateVision_Reader>();
        if (o.fallbackModel != nullptr && *o.fallbackModel != '\0') {
            // A missing model is reported here, not on the first uncertain line.
            if (!modelExists(o.fallbackTessdataPath, o.fallbackModel)) {
                setStatus(status, CPlateVision_ErrorOCRUnavailable,
                          "cannot find the fallback Tesseract model '%s'; install tesseract-ocr-%s (make setup does)",
                          o.fallbackModel, o.fallbackModel);
                return nullptr;
            }
            std::string model = o.fallbackModel, folder = o.fallbackTessdataPath ? o.fallbackTessdataPath : "";
            std::string whitelist = o.characterWhitelist ? o.characterWhitelist : "";
            reader->hasFallback = true;
            reader->fallbackLoading = std::async(std::launch::async, [model, folder, whitelist] {
                std::string error;
                return std::make_unique<CharacterRecognizer>(folder.empty() ? nullptr : folder.c_str(), model.c_str(),
                                                             whitelist.c_str(), error);
            });
        }
        // The glyph model (parsing its weights takes 11-14 ms) and the line models load on
        // the other core while Tesseract's model loads.
        auto glyphLoading = loadInBackground<GlyphClassifier>(o.glyphModel);
        auto lineLoading = loadInBackground<LineModel>(o.lineModel);
        auto judgeLoading = loadInBackground<LineModel>(o.lineModel != nullptr && *o.lineModel ? o.lineJudgeModel : nullptr);
        std::string error;
        reader->recognizer = std::make_unique<CharacterRecognizer>(o.tessdataPath, o.model, o.characterWhitelist, error);
        if (!reader->recognizer->ready()) {
            setStatus(status, CPlateVision_ErrorOCRUnavailable, "%s", error.c_str());
            return nullptr; // the other models' loading finishes in the futures' destructors
        }
        if (!loaded(glyphLoading, reader->glyphs, status) || !loaded(lineLoading, reader->lines, status)
            || !loaded(judgeLoading, reader->lineJudge, status))
            return nullptr;
        reader->maxCandidates = std::clamp(o.maxCandidates, 1, int(CPlateVision_MaxPlates));
        reader->debugFolder = getenv("PLATEVISION_DEBUG_DIR");
        setOK(status);
        return reader.release();
    });
}

extern "C" void CPlateVision_ReaderFree(CPlateVision_Reader *reader) { delete reader; }

extern "C" int CPlateVision_ReadFrame(CPlateVision_Reader *reader, const CPlateVision_Frame *frame,
                                      CPlateVision_Plate *plates, int capacity, CPlateVision_Status *status) {
    return CPlateVision_ReadFrameKnowing(reader, frame, nullptr, 0, plates, capacity, status);
}

extern "C" int CPlateVision_ReadFrameKnowing(CPlateVision_Reader *reader, const CPlateVision_Frame *frame,
                                             const CPlateVision_KnownPlate *known, int knownCount,
                                             CPlateVision_Plate *plates, int capacity, CPlateVision_Status *status) {
    return guarded<int>(status, -1, [&]() -> int {
        if (reader == nullptr || frame == nullptr || (plates == nullptr && capacity > 0)
            || (known == nullptr && knownCount > 0) || knownCount < 0) {
            setStatus(status, CPlateVision_ErrorInvalidArgument, "reader, frame, plates and the known plates are required");
            return -1;
        }
        const cv::Mat &bgr = frame->bgr;
        std::vector<TextLine> considered;
        const auto candidates = findPlateCandidates(bgr, std::min(capacity, reader->maxCandidates),
                                                    reader->debugFolder != nullptr ? &considered : nullptr);
        std::vector<cv::Rect> boxes;
        for (const auto &candidate : candidates) boxes.push_back(candidate.box(bgr.size()));
        const std::vector<int> knownAt = findKnownPlates(boxes, known, knownCount);
        if (reader->debugFolder != nullptr)
            writeDebugLines(*reader, considered, candidates, knownAt, workingScale(bgr.size()));
        int written = 0, candidateIndex = 0;
        reader->candidateLines.clear();
        for (size_t c = 0; c < candidates.size(); c++) {
            const auto &candidate = candidates[c];
            if (written >= capacity) break;
            if (knownAt[c] >= 0) {
                CPlateVision_Plate &plate = plates[written++];
                memset(&plate, 0, sizeof plate);
                fillPlate(plate, candidate, bgr.size());
                plate.candidate = candidateIndex++;
                plate.knownPlate = knownAt[c];
                continue;
            }
            const int debugNumber = reader->debugFolder != nullptr ? writeDebugImages(*reader, candidate) : -1;
            const int first = written;
            PlateCrop crop = candidate.crop; // its line opened where the glyph reading cut it
            LineModel::Steps lineSteps;
            const auto readings = readLine(*reader, crop, lineSteps);
            if (reader->debugFolder != nullptr) writeDebugReadings(*reader, debugNumber, readings);
            for (const auto &reading : readings) {
                const auto &symbols = reading.symbols;
                if (symbols.empty() || written >= capacity) continue;
                CPlateVision_Plate &plate = plates[written++];
                memset(&plate, 0, sizeof plate);
                fillPlate(plate, candidate, bgr.size());
                plate.candidate = candidateIndex;
                plate.knownPlate = -1;
                plate.fromGlyphModel = reading.source == LineReading::glyphModel ? 1 : 0;
                plate.fromLineModel = reading.source == LineReading::lineModel ? 1 : 0;
                plate.symbolCount = std::min(int(symbols.size()), int(CPlateVision_MaxSymbols));
                placeSymbols(symbols, crop, plate);
            }
            if (written == first) continue;
            reader->candidateLines.resize(size_t(candidateIndex) + 1);
            reader->candidateLines[size_t(candidateIndex)] = {std::move(lineSteps), crop.grey, {}};
            candidateIndex++;
            const int yellow = isYellowPlate(bgr, candidate.lineBox()) ? 1 : 0;
            for (int i = first; i < written; i++) plates[i].isYellow = yellow;
            // The band's letters are read once per candidate that gave a reading.
            if (candidate.line.hasEUBand) {
                const cv::Mat letters = bandLettersImage(bgr, candidate.bandBox());
                std::string country = reader->recognizer->readWord(letters, "ABCDEFGHIJKLMNOPRSTUVZ");
                if (country.size() > 3) country.clear();
                std::string codeWidth;
                const int letterCount = bandLetterCount(bgr, candidate.bandBox(), candidate.frameCharacterHeight(),
                                                        reader->debugFolder != nullptr ? &codeWidth : nullptr);
                if (reader->debugFolder != nullptr)
                    writeDebugBand(*reader, debugNumber, bgr, candidate.bandBox(), letters, country + "\n" + codeWidth);
                for (int i = first; i < written; i++) {
                    strncpy(plates[i].bandCountry, country.c_str(), sizeof plates[i].bandCountry - 1);
                    plates[i].bandLetterCount = letterCount;
                }
            }
        }
        setOK(status);
        return written;
    });
}

extern "C" int CPlateVision_ReaderLineLikelihoods(CPlateVision_Reader *reader, int candidate,
                                                  const char *const *texts, int count, float *logLikelihoods,
                                                  CPlateVision_Status *status) {
    return guarded<int>(status, -1, [&]() -> int {
        if (reader == nullptr || (count > 0 && (texts == nullptr || logLikelihoods == nullptr)) || count < 0) {
            setStatus(status, CPlateVision_ErrorInvalidArgument, "reader, texts and their likelihoods are required");
            return -1;
        }
        setOK(status);
        if (candidate < 0 || size_t(candidate) >= reader->candidateLines.size()
            || reader->candidateLines[size_t(candidate)].steps.count == 0)
            return 0;
        auto &line = reader->candidateLines[size_t(candidate)];
        if (reader->lineJudge && line.judgeSteps.count == 0) reader->lineJudge->read(line.grey, &line.judgeSteps);
        for (int i = 0; i < count; i++) {
            const std::string text = texts[i] != nullptr ? texts[i] : "";
            logLikelihoods[i] = line.steps.logLikelihood(text);
            if (line.judgeSteps.count > 0) logLikelihoods[i] = 0.5f * (logLikelihoods[i] + line.judgeSteps.logLikelihood(text));
        }
        return count;
    });
}
