// Loading frames: the header is checked (format, size) before any pixel is decoded, so
// a hostile or broken file can neither crash the process nor make it allocate gigabytes.

#include "Internal.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

using namespace plate_vision;

namespace {

/// Refused even when the caller sets no limit, as imdecode refused it (CV_IO_MAX_IMAGE_PIXELS).
const int64_t decoderPixelLimit = int64_t(1) << 30;

struct ImageHeader {
    enum Format { jpeg, png } format;
    int64_t width = 0, height = 0;
};

uint32_t bigEndian(const uint8_t *p, int count) {
    uint32_t value = 0;
    for (int i = 0; i < count; i++) value = (value << 8) | p[i];
    return value;
}

std::string firstBytes(const uint8_t *bytes, size_t count) {
    std::string text;
    char hex[4];
    for (size_t i = 0; i < count && i < 4; i++) {
        snprintf(hex, sizeof hex, i == 0 ? "%02x" : " %02x", bytes[i]);
        text += hex;
    }
    return text.empty() ? "none, the file is empty" : text;
}

/// Reads width and height from a JPEG's start-of-frame segment. False if there is none.
bool readJPEGSize(const uint8_t *bytes, size_t count, ImageHeader &header, std::string &problem) {
    bool found = false;
    size_t stop;
    JPEGWalkEnd end = walkJPEGSegments(bytes, count, stop, [&](uint8_t marker, size_t at) {
        bool startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (!startOfFrame) return true;
        if (at + 9 <= count) {
            header.height = bigEndian(bytes + at + 5, 2);
            header.width = bigEndian(bytes + at + 7, 2);
            found = true;
        }
        return false;
    });
    if (found) return true;
    switch (end) {
    case JPEGWalkEnd::markerMissing: problem = "JPEG segment marker missing at byte " + std::to_string(stop); break;
    case JPEGWalkEnd::imageData: problem = "JPEG has no frame header before its image data"; break;
    case JPEGWalkEnd::stopped: // a frame header cut short
    case JPEGWalkEnd::truncated: problem = "JPEG is truncated inside its header"; break;
    }
    return false;
}

bool readHeader(const uint8_t *bytes, size_t count, ImageHeader &header, CPlateVision_Status *status) {
    static const uint8_t pngSignature[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    std::string problem;
    if (count >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) {
        header.format = ImageHeader::jpeg;
        if (!readJPEGSize(bytes, count, header, problem)) {
            setStatus(status, CPlateVision_ErrorCorruptImage, "%s", problem.c_str());
            return false;
        }
    } else if (count >= 8 && memcmp(bytes, pngSignature, 8) == 0) {
        header.format = ImageHeader::png;
        if (count < 24 || memcmp(bytes + 12, "IHDR", 4) != 0) {
            setStatus(status, CPlateVision_ErrorCorruptImage, "PNG is truncated or has no IHDR header");
            return false;
        }
        header.width = bigEndian(bytes + 16, 4);
        header.height = bigEndian(bytes + 20, 4);
    } else {
        setStatus(status, CPlateVision_ErrorNotAnImage, "not a JPEG or PNG (first bytes %s)",
                  firstBytes(bytes, count).c_str());
        return false;
    }
    if (header.width <= 0 || header.height <= 0) {
        setStatus(status, CPlateVision_ErrorCorruptImage, "image header declares %lldx%lld pixels",
                  (long long)header.width, (long long)header.height);
        return false;
    }
    return true;
}

/// A JPEG cut short still decodes (grey below the cut) in libjpeg; we refuse it instead.
bool hasJPEGEnd(const uint8_t *bytes, size_t count) {
    size_t from = count > 8192 ? count - 8192 : 2;
    for (size_t i = count - 1; i > from; i--)
        if (bytes[i - 1] == 0xFF && bytes[i] == 0xD9) return true;
    return false;
}

CPlateVision_Frame *decode(const uint8_t *bytes, size_t count, int64_t maxPixels, CPlateVision_Status *status) {
    ImageHeader header;
    if (!readHeader(bytes, count, header, status)) return nullptr;
    const int64_t limit = maxPixels > 0 ? std::min(maxPixels, decoderPixelLimit) : decoderPixelLimit;
    if (header.width * header.height > limit) {
        setStatus(status, CPlateVision_ErrorImageTooLarge,
                  "image is %lldx%lld pixels, more than the limit of %lld; not decoded",
                  (long long)header.width, (long long)header.height, (long long)limit);
        return nullptr;
    }
    if (header.format == ImageHeader::jpeg && !hasJPEGEnd(bytes, count)) {
        setStatus(status, CPlateVision_ErrorCorruptImage, "JPEG is truncated (no end-of-image marker)");
        return nullptr;
    }
    cv::Mat image;
    std::string problem;
    const bool jpeg = header.format == ImageHeader::jpeg;
    if (!(jpeg ? decodeJPEGToBGR(bytes, count, image, problem) : decodePNGToBGR(bytes, count, image, problem))) {
        setStatus(status, CPlateVision_ErrorCorruptImage, "%s data is corrupt or truncated (%s)", jpeg ? "JPEG" : "PNG",
                  problem.c_str());
        return nullptr;
    }
    setOK(status);
    return new CPlateVision_Frame{image};
}

} // namespace

extern "C" CPlateVision_Frame *CPlateVision_FrameDecode(const uint8_t *bytes, size_t count, int64_t maxPixels,
                                                        CPlateVision_Status *status) {
    return guarded<CPlateVision_Frame *>(status, nullptr, [&]() -> CPlateVision_Frame * {
        if (bytes == nullptr && count > 0) {
            setStatus(status, CPlateVision_ErrorInvalidArgument, "no bytes given");
            return nullptr;
        }
        return decode(bytes, count, maxPixels, status);
    });
}

extern "C" CPlateVision_Frame *CPlateVision_FrameLoad(const char *path, int64_t maxPixels,
                                                      CPlateVision_Status *status) {
    return guarded<CPlateVision_Frame *>(status, nullptr, [&]() -> CPlateVision_Frame * {
        if (path == nullptr) {
            setStatus(status, CPlateVision_ErrorInvalidArgument, "no path given");
            return nullptr;
        }
        FILE *file = fopen(path, "rb");
        if (file == nullptr) {
            setStatus(status, CPlateVision_ErrorFileUnreadable, "cannot open: %s", strerror(errno));
            return nullptr;
        }
        std::vector<uint8_t> bytes;
        uint8_t buffer[1 << 16];
        size_t got;
        while ((got = fread(buffer, 1, sizeof buffer, file)) > 0) {
            bytes.insert(bytes.end(), buffer, buffer + got);
            if (bytes.size() > (size_t(1) << 31)) break; // 2 GiB: no camera frame is that big
        }
        bool failed = ferror(file) != 0;
        int readError = errno;
        fclose(file);
        if (failed) {
            setStatus(status, CPlateVision_ErrorFileUnreadable, "cannot read: %s", strerror(readError));
            return nullptr;
        }
        return decode(bytes.data(), bytes.size(), maxPixels, status);
    });
}

extern "C" void CPlateVision_FrameFree(CPlateVision_Frame *frame) { delete frame; }
extern "C" int CPlateVision_FrameWidth(const CPlateVision_Frame *frame) { return frame ? frame->bgr.cols : 0; }
extern "C" int CPlateVision_FrameHeight(const CPlateVision_Frame *frame) { return frame ? frame->bgr.rows : 0; }
