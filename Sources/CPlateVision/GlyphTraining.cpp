// The C functions behind `parkscan-synth glyphs` and `lines`: the reader's own line
// extraction for training the glyph network and the line model, and the glyph training itself.

#include "GlyphClassifier.hpp"
#include "Internal.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

using namespace plate_vision;

namespace {

/// Zeroed room for `count` values (at least one, so the pointer is never null), to be
/// released with free().
template <typename T>
T *allocateZeroed(size_t count) {
    auto *values = static_cast<T *>(calloc(std::max<size_t>(1, count), sizeof(T)));
    if (values == nullptr) throw std::bad_alloc();
    return values;
}

/// `image`'s rows packed without padding, in a buffer of `size` (zeroed when `image` is not
/// that size), to be released with free().
uint8_t *packedPixels(const cv::Mat &image, cv::Size size) {
    uint8_t *pixels = allocateZeroed<uint8_t>(size_t(size.area()));
    if (image.size() == size)
        for (int y = 0; y < image.rows; y++) memcpy(pixels + size_t(y) * image.cols, image.ptr(y), image.cols);
    return pixels;
}

/// Writes `tile` as tile `index` of `tiles` and its aspect into `aspects` (blank: white, 0).
void copyTile(const GlyphTile &tile, uint8_t *tiles, float *aspects, size_t index) {
    const size_t tileBytes = GlyphTile::width * GlyphTile::height;
    if (tile.pixels.empty()) memset(tiles + index * tileBytes, 255, tileBytes);
    else memcpy(tiles + index * tileBytes, tile.pixels.data, tileBytes);
    aspects[index] = tile.aspect;
}

} // namespace

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
            line.pixels = packedPixels(image, image.size());
            line.greyPixels = packedPixels(candidate.crop.grey, image.size());
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
        free(lines[i].greyPixels);
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

