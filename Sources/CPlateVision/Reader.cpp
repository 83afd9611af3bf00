// The reader: frame -> plate candidates -> rectified characters -> OCR symbols.

#include "CharacterRecognizer.hpp"
#include "EngineAgreement.hpp"
#include "GlyphClassifier.hpp"
#include "Internal.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <future>
#include <memory>

using namespace plate_vision;

struct CPlateVision_Reader {
    std::unique_ptr<CharacterRecognizer> recognizer;
    std::unique_ptr<CharacterRecognizer> fallback; // second opinion on uncertain lines
    // The fallback model loads on the other core while the first model loads and the first
    // frame is read (both take 70-90 ms): a one-image run pays for one load, not two.
    std::future<std::unique_ptr<CharacterRecognizer>> fallbackLoading;
    bool hasFallback = false;
    std::unique_ptr<GlyphClassifier> glyphs; // one character per column, plate fonts
    int maxCandidates = 4;
    const char *debugFolder = nullptr; // PLATEVISION_DEBUG_DIR: write each OCR crop there
    int debugCounter = 0;
    int debugFrame = 0;
};

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

/// One reading of a candidate and where it comes from.
struct LineReading {
    enum Source { firstModel, glyphModel, firstModelGrey, fallbackModel } source;
    std::vector<CharacterRecognizer::Symbol> symbols;
};

/// The readings of a candidate: the first model on the binary characters; when it is unsure
/// of any character, also the first model on the grey characters (blurred plates, whose
/// binarised strokes merge) and the fallback model on the binary ones (umlauts, other
/// shapes). With a glyph model, also its one-character-per-column reading when the line is
/// in a font the model knows. The caller weighs the readings with the plate grammar, which
/// judges them better than Tesseract's own confidences do.
/// Measured (60 real photos / 200 synthetic frames): binary eng with deu fallback chosen by
/// mean confidence 85 % / 36 %; grey alone 78 % / 48 %; all three 83.3 % / 53.5 %; with the
/// glyph reading (24 prototypes per character) 83.3 % / 59.0 %; with the glyph network (and
/// the crop and grammar changes that came with it) 85.0 % / 71.0 %. Where the glyph model
/// cuts an unsure column into sure characters, every reading gets the line opened there
/// (`crop` is replaced): 85.0 % / 69.5 %, 68.5 % when only the glyph reading had the cut
/// (Tesseract's three readings outvoted it: LSZ-R 6 over LSZ-IR 6).
std::vector<LineReading> readLine(CPlateVision_Reader &reader, PlateCrop &crop) {
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
    if (firstUnsure) {
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

/// PLATEVISION_DEBUG_DIR: the path of `name` in the debug folder.
std::string debugPath(const CPlateVision_Reader &reader, const std::string &name) {
    return std::string(reader.debugFolder) + "/" + name;
}

/// PLATEVISION_DEBUG_DIR: `name` in the debug folder, opened with `mode`; nil (and said on
/// stderr) when it cannot be.
FILE *openDebugFile(const CPlateVision_Reader &reader, const std::string &name, const char *mode) {
    const std::string path = debugPath(reader, name);
    FILE *file = fopen(path.c_str(), mode);
    if (file == nullptr) fprintf(stderr, "PLATEVISION_DEBUG_DIR: cannot write %s\n", path.c_str());
    return file;
}

/// PLATEVISION_DEBUG_DIR: `image` (when there is one) as the PNG file `name` in the debug folder.
void writeDebugPNG(const CPlateVision_Reader &reader, const std::string &name, const cv::Mat &image) {
    const std::string path = debugPath(reader, name);
    std::string problem;
    if (!image.empty() && !writePNG(path, image, problem))
        fprintf(stderr, "PLATEVISION_DEBUG_DIR: cannot write %s: %s\n", path.c_str(), problem.c_str());
}

/// PLATEVISION_DEBUG_DIR: each candidate's strip, ink mask and OCR image, as `<n>-*.png`.
/// Returns n, the candidate's number (its readings and band go to `<n>-readings.txt`, `<n>-band*`).
int writeDebugImages(CPlateVision_Reader &reader, const PlateCandidate &candidate) {
    const int number = reader.debugCounter++;
    const std::string prefix = std::to_string(number);
    writeDebugPNG(reader, prefix + "-strip.png", candidate.crop.strip);
    writeDebugPNG(reader, prefix + "-grey.png", candidate.crop.grey);
    writeDebugPNG(reader, prefix + "-ink.png", candidate.crop.ink);
    writeDebugPNG(reader, prefix + "-ocr.png", candidate.crop.binary);
    return number;
}

/// PLATEVISION_DEBUG_DIR: the candidate's EU band as found in the frame (`<n>-band.png`),
/// the white letters cut from it for the OCR (`<n>-band-letters.png`), and the country read
/// there (`<n>-band.txt`, empty when none was read).
void writeDebugBand(const CPlateVision_Reader &reader, int number, const cv::Mat &bgr, cv::Rect band,
                    const cv::Mat &letters, const std::string &country) {
    const std::string prefix = std::to_string(number);
    band &= cv::Rect(0, 0, bgr.cols, bgr.rows);
    if (!band.empty()) writeDebugPNG(reader, prefix + "-band.png", bgr(band));
    writeDebugPNG(reader, prefix + "-band-letters.png", letters);
    if (FILE *file = openDebugFile(reader, prefix + "-band.txt", "w")) {
        fprintf(file, "%s\n", country.c_str());
        fclose(file);
    }
}

/// PLATEVISION_DEBUG_DIR: each reading of a candidate (first model binary, glyph model,
/// first model grey, fallback model, as far as made) with every symbol's choices, one line
/// per reading, in `<number>-readings.txt` beside the candidate's images.
void writeDebugReadings(const CPlateVision_Reader &reader, int number, const std::vector<LineReading> &readings) {
    FILE *file = openDebugFile(reader, std::to_string(number) + "-readings.txt", "w");
    if (file == nullptr) return;
    const char *names[] = {"first", "glyph", "grey", "fallback"};
    for (const auto &reading : readings) {
        fprintf(file, "%-8s ", names[reading.source]);
        for (const auto &symbol : reading.symbols) {
            fprintf(file, "[%d-%d]", symbol.left, symbol.right);
            for (int c = 0; c < symbol.reading.choiceCount; c++)
                fprintf(file, "%s%s:%.2f", c == 0 ? "" : "/", symbol.reading.choices[c].utf8, symbol.reading.choices[c].confidence);
            fputc(' ', file);
        }
        fputc('\n', file);
    }
    fclose(file);
}

/// PLATEVISION_DEBUG_DIR: every text line the frame's detection found, best first, appended
/// to `lines.txt`: where it is (frame pixels), its characters, its plate-likeness, and the
/// number of the candidate images it was read as (`-` when it was not read: below the cutoff
/// or beyond the candidates read per frame; `known` when it is a plate the caller knew).
void writeDebugLines(CPlateVision_Reader &reader, const std::vector<TextLine> &lines,
                     const std::vector<PlateCandidate> &candidates, const std::vector<int> &knownAt, float scale) {
    FILE *file = openDebugFile(reader, "lines.txt", "a");
    if (file == nullptr) return;
    fprintf(file, "frame %d: %zu lines, %zu candidates\n", reader.debugFrame++, lines.size(), candidates.size());
    for (const auto &line : lines) {
        const cv::Rect box = line.bounds();
        std::string fate = "-";
        for (size_t c = 0, image = size_t(reader.debugCounter); c < candidates.size(); c++) {
            const bool same = candidates[c].line.bounds() == box && candidates[c].line.lightOnDark == line.lightOnDark;
            if (same) fate = knownAt[c] >= 0 ? "known" : "read as " + std::to_string(image);
            if (knownAt[c] < 0) image++;
        }
        fprintf(file, "  %s box %d,%d %dx%d  %zu blobs, %d characters %.0f px high  score %.3f%s%s\n", fate.c_str(),
                int(box.x / scale), int(box.y / scale), int(box.width / scale), int(box.height / scale),
                line.blobs.size(), line.characterCount(), line.characterHeight / scale, line.score,
                line.hasEUBand ? "  EU band" : "", line.lightOnDark ? "  light on dark" : "");
    }
    fclose(file);
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

/// Zeroed room for `count` values (at least one, so the pointer is never null), to be
/// released with free().
template <typename T>
T *allocateZeroed(size_t count) {
    auto *values = static_cast<T *>(calloc(std::max<size_t>(1, count), sizeof(T)));
    if (values == nullptr) throw std::bad_alloc();
    return values;
}

/// Writes `tile` as tile `index` of `tiles` and its aspect into `aspects` (blank: white, 0).
void copyTile(const GlyphTile &tile, uint8_t *tiles, float *aspects, size_t index) {
    const size_t tileBytes = GlyphTile::width * GlyphTile::height;
    if (tile.pixels.empty()) memset(tiles + index * tileBytes, 255, tileBytes);
    else memcpy(tiles + index * tileBytes, tile.pixels.data, tileBytes);
    aspects[index] = tile.aspect;
}

} // namespace

extern "C" CPlateVision_Reader *CPlateVision_ReaderCreate(const CPlateVision_ReaderOptions *options,
                                                          CPlateVision_Status *status) {
    return guarded<CPlateVision_Reader *>(status, nullptr, [&]() -> CPlateVision_Reader * {
        CPlateVision_ReaderOptions defaults{nullptr, "eng", nullptr, 4, nullptr, nullptr, nullptr};
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
        // The glyph model loads on the other core while Tesseract's model loads (parsing its
        // weights takes 11-14 ms).
        std::future<std::pair<std::unique_ptr<GlyphClassifier>, std::string>> glyphLoading;
        if (o.glyphModel != nullptr && *o.glyphModel != '\0') {
            glyphLoading = std::async(std::launch::async, [prefix = std::string(o.glyphModel)] {
                std::string error;
                auto glyphs = std::make_unique<GlyphClassifier>(prefix, error);
                return std::make_pair(std::move(glyphs), error);
            });
        }
        std::string error;
        reader->recognizer = std::make_unique<CharacterRecognizer>(o.tessdataPath, o.model, o.characterWhitelist, error);
        if (!reader->recognizer->ready()) {
            setStatus(status, CPlateVision_ErrorOCRUnavailable, "%s", error.c_str());
            return nullptr; // the other models' loading finishes in the futures' destructors
        }
        if (glyphLoading.valid()) {
            auto [glyphs, glyphError] = glyphLoading.get();
            if (!glyphs->ready()) {
                setStatus(status, CPlateVision_ErrorOCRUnavailable, "%s", glyphError.c_str());
                return nullptr;
            }
            reader->glyphs = std::move(glyphs);
        }
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
            const auto readings = readLine(*reader, crop);
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
                plate.symbolCount = std::min(int(symbols.size()), int(CPlateVision_MaxSymbols));
                placeSymbols(symbols, crop, plate);
            }
            if (written == first) continue;
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

extern "C" int CPlateVision_ExtractLines(const CPlateVision_Frame *frame, CPlateVision_Line *lines, int capacity,
                                         CPlateVision_Status *status) {
    return guarded<int>(status, -1, [&]() -> int {
        if (frame == nullptr || (lines == nullptr && capacity > 0)) {
            setStatus(status, CPlateVision_ErrorInvalidArgument, "frame and lines are required");
            return -1;
        }
        int written = 0;
        for (const auto &candidate : findPlateCandidates(frame->bgr, capacity)) {
            CPlateVision_Line &line = lines[written++];
            memset(&line, 0, sizeof line);
            cv::Rect box = candidate.box(frame->bgr.size());
            line.x = box.x; line.y = box.y; line.width = box.width; line.height = box.height;
            line.characterColumns = int(candidate.crop.columns.size());
            line.detectionScore = candidate.line.score;
            const cv::Mat &image = candidate.crop.binary;
            line.imageWidth = image.cols;
            line.imageHeight = image.rows;
            line.pixels = static_cast<uint8_t *>(malloc(size_t(image.cols) * image.rows));
            if (line.pixels == nullptr) throw std::bad_alloc();
            for (int y = 0; y < image.rows; y++) memcpy(line.pixels + size_t(y) * image.cols, image.ptr(y), image.cols);
            const auto &columns = candidate.crop.columns;
            const size_t count = columns.size(), pairs = count > 0 ? count - 1 : 0;
            const size_t tileBytes = GlyphTile::width * GlyphTile::height;
            line.glyphTiles = allocateZeroed<uint8_t>(count * tileBytes);
            line.glyphAspects = allocateZeroed<float>(count);
            line.pairTiles = allocateZeroed<uint8_t>(pairs * tileBytes);
            line.pairAspects = allocateZeroed<float>(pairs);
            for (size_t c = 0; c < count; c++) {
                copyTile(GlyphTile::cut(candidate.crop.grey, image, columns[c].left, columns[c].right), line.glyphTiles,
                         line.glyphAspects, c);
                if (c + 1 < count)
                    copyTile(GlyphTile::cut(candidate.crop.grey, image, columns[c].left, columns[c + 1].right),
                             line.pairTiles, line.pairAspects, c);
            }
        }
        setOK(status);
        return written;
    });
}

extern "C" void CPlateVision_LinesFree(CPlateVision_Line *lines, int count) {
    for (int i = 0; lines != nullptr && i < count; i++) {
        free(lines[i].pixels);
        free(lines[i].glyphTiles);
        free(lines[i].glyphAspects);
        free(lines[i].pairTiles);
        free(lines[i].pairAspects);
        lines[i] = CPlateVision_Line{};
    }
}

extern "C" int CPlateVision_GlyphModelBuild(const uint8_t *tiles, const float *aspects, const char *const *labels,
                                           int count, int hidden, const char *prefix, CPlateVision_Status *status) {
    return guarded<int>(status, -1, [&]() -> int {
        if (tiles == nullptr || aspects == nullptr || labels == nullptr || prefix == nullptr || count < 0 || hidden < 1) {
            setStatus(status, CPlateVision_ErrorInvalidArgument,
                      "tiles, aspects, labels, a prefix and hidden >= 1 are required");
            return -1;
        }
        const size_t tileBytes = GlyphTile::width * GlyphTile::height;
        std::vector<GlyphTile> glyphs(count);
        std::vector<std::string> names(count);
        for (int i = 0; i < count; i++) {
            glyphs[i].pixels = cv::Mat(GlyphTile::height, GlyphTile::width, CV_8U,
                                       const_cast<uint8_t *>(tiles + size_t(i) * tileBytes)).clone();
            glyphs[i].aspect = aspects[i];
            names[i] = labels[i] ? labels[i] : "";
        }
        std::string error;
        if (!GlyphClassifier::build(glyphs, names, hidden, prefix, error)) {
            setStatus(status, CPlateVision_ErrorInternal, "%s", error.c_str());
            return -1;
        }
        setOK(status);
        return 0;
    });
}
