// PLATEVISION_DEBUG_DIR: what the reader saw and read, written to a folder for people.

#include "ReaderState.hpp"

#include <cstdio>

namespace plate_vision {

namespace {

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

} // namespace

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
/// first model grey, fallback model, line model, as far as made) with every symbol's choices, one line
/// per reading, in `<number>-readings.txt` beside the candidate's images.
void writeDebugReadings(const CPlateVision_Reader &reader, int number, const std::vector<LineReading> &readings) {
    FILE *file = openDebugFile(reader, std::to_string(number) + "-readings.txt", "w");
    if (file == nullptr) return;
    const char *names[] = {"first", "glyph", "grey", "fallback", "line"};
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
        const cv::Rect box = line.bounds(), inFrame = toFrame(box, scale);
        std::string fate = "-";
        for (size_t c = 0, image = size_t(reader.debugCounter); c < candidates.size(); c++) {
            const bool same = candidates[c].line.bounds() == box && candidates[c].line.lightOnDark == line.lightOnDark;
            if (same) fate = knownAt[c] >= 0 ? "known" : "read as " + std::to_string(image);
            if (knownAt[c] < 0) image++;
        }
        fprintf(file, "  %s box %d,%d %dx%d  %zu blobs, %d characters %.0f px high  score %.3f%s%s\n", fate.c_str(),
                inFrame.x, inFrame.y, inFrame.width, inFrame.height,
                line.blobs.size(), line.characterCount(), line.characterHeight / scale, line.score,
                line.hasEUBand ? "  EU band" : "", line.lightOnDark ? "  light on dark" : "");
    }
    fclose(file);
}

} // namespace plate_vision
