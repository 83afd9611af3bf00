// The reader: frame -> plate candidates -> rectified characters -> OCR symbols.

#include "CharacterRecognizer.hpp"
#include "Internal.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>

using namespace plate_vision;

struct CPlateVision_Reader {
    std::unique_ptr<CharacterRecognizer> recognizer;
    int maxCandidates = 4;
    const char *debugFolder = nullptr; // PLATEVISION_DEBUG_DIR: write each OCR crop there
    int debugCounter = 0;
};

namespace {

/// Detection runs on a frame scaled down to at most this size; OCR uses full resolution.
constexpr int workingSize = 1280;
constexpr float minimumDetectionScore = 0.15f;
constexpr float relativeDetectionCutoff = 0.45f;

void fillPlate(CPlateVision_Plate &plate, const TextLine &line, const PlateCrop &crop, float scale,
               const cv::Size &frameSize) {
    std::vector<cv::Point2f> corners(crop.corners, crop.corners + 4);
    cv::Rect box = cv::boundingRect(corners) & cv::Rect(0, 0, frameSize.width, frameSize.height);
    plate.x = box.x; plate.y = box.y; plate.width = box.width; plate.height = box.height;
    for (int i = 0; i < 4; i++) { plate.corners[2 * i] = corners[i].x; plate.corners[2 * i + 1] = corners[i].y; }
    plate.detectionScore = line.score;
    plate.characterHeight = line.characterHeight / scale;
    plate.hasEUBand = line.hasEUBand ? 1 : 0;
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
        plate.symbols[i].gapBefore = i > 0 && newColumn ? std::max(crop.columns[column].gapBefore, 0.f) : 0.f;
        previousColumn = column;
    }
}

} // namespace

extern "C" CPlateVision_Reader *CPlateVision_ReaderCreate(const CPlateVision_ReaderOptions *options,
                                                          CPlateVision_Status *status) {
    return guarded<CPlateVision_Reader *>(status, nullptr, [&]() -> CPlateVision_Reader * {
        CPlateVision_ReaderOptions defaults{nullptr, "eng", nullptr, 4};
        const CPlateVision_ReaderOptions &o = options ? *options : defaults;
        std::string error;
        auto recognizer = std::make_unique<CharacterRecognizer>(o.tessdataPath, o.model, o.characterWhitelist, error);
        if (!recognizer->ready()) {
            setStatus(status, CPlateVision_ErrorOCRUnavailable, "%s", error.c_str());
            return nullptr;
        }
        auto *reader = new CPlateVision_Reader();
        reader->recognizer = std::move(recognizer);
        reader->maxCandidates = std::clamp(o.maxCandidates, 1, int(CPlateVision_MaxPlates));
        reader->debugFolder = getenv("PLATEVISION_DEBUG_DIR");
        setOK(status);
        return reader;
    });
}

extern "C" void CPlateVision_ReaderFree(CPlateVision_Reader *reader) { delete reader; }

extern "C" int CPlateVision_ReadFrame(CPlateVision_Reader *reader, const CPlateVision_Frame *frame,
                                      CPlateVision_Plate *plates, int capacity, CPlateVision_Status *status) {
    return guarded<int>(status, -1, [&]() -> int {
        if (reader == nullptr || frame == nullptr || (plates == nullptr && capacity > 0)) {
            setStatus(status, CPlateVision_ErrorInvalidArgument, "reader, frame and plates are required");
            return -1;
        }
        const cv::Mat &bgr = frame->bgr;
        cv::Mat gray;
        cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
        float scale = std::min(1.0f, float(workingSize) / std::max(bgr.cols, bgr.rows));
        cv::Mat workingBGR = bgr, workingGray = gray;
        if (scale < 1.0f) {
            cv::resize(bgr, workingBGR, cv::Size(), scale, scale, cv::INTER_AREA);
            cv::cvtColor(workingBGR, workingGray, cv::COLOR_BGR2GRAY);
        }
        std::vector<TextLine> lines = findTextLines(workingGray);
        scoreTextLines(lines, workingBGR, workingGray);

        int written = 0;
        // OCR is the expensive step (5-10 ms a line): lines far less plate-like than the best
        // (lettering on the car, signs) are not read.
        const float cutoff = lines.empty() ? 1.f : std::max(minimumDetectionScore, relativeDetectionCutoff * lines.front().score);
        for (const auto &line : lines) {
            if (written >= capacity || written >= reader->maxCandidates) break;
            if (line.score < cutoff) break;
            PlateCrop crop = cropPlate(gray, line, scale);
            CPlateVision_Plate &plate = plates[written];
            memset(&plate, 0, sizeof plate);
            fillPlate(plate, line, crop, scale, bgr.size());
            if (reader->debugFolder != nullptr) {
                std::string path = std::string(reader->debugFolder) + "/" + std::to_string(reader->debugCounter++);
                cv::imwrite(path + "-strip.png", crop.strip);
                if (!crop.ink.empty()) cv::imwrite(path + "-ink.png", crop.ink);
                if (!crop.binary.empty()) cv::imwrite(path + "-ocr.png", crop.binary);
            }
            auto symbols = reader->recognizer->read(crop.binary);
            plate.symbolCount = std::min(int(symbols.size()), int(CPlateVision_MaxSymbols));
            placeSymbols(symbols, crop, plate);
            if (line.hasEUBand && plate.symbolCount > 0) {
                cv::Rect band(int(line.bandBox.x / scale), int(line.bandBox.y / scale), int(line.bandBox.width / scale),
                              int(line.bandBox.height / scale));
                cv::Mat letters = bandLettersImage(bgr, band);
                if (reader->debugFolder != nullptr) {
                    std::string path = std::string(reader->debugFolder) + "/" + std::to_string(reader->debugCounter - 1);
                    cv::imwrite(path + "-band.png", bgr(band & cv::Rect(0, 0, bgr.cols, bgr.rows)));
                    if (!letters.empty()) cv::imwrite(path + "-band-letters.png", letters);
                }
                std::string country = reader->recognizer->readWord(letters, "ABCDEFGHIJKLMNOPRSTUVZ");
                if (country.size() <= 3) strncpy(plate.bandCountry, country.c_str(), sizeof plate.bandCountry - 1);
            }
            if (plate.symbolCount > 0) written++;
        }
        setOK(status);
        return written;
    });
}
