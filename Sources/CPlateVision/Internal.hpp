// Shared internals of the CPlateVision shim. Never included by Swift.
#pragma once

#include "CPlateVision.h"

#include <opencv2/core.hpp>

#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

struct CPlateVision_Frame {
    cv::Mat bgr;
};

namespace plate_vision {

void setStatus(CPlateVision_Status *status, int code, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

inline void setOK(CPlateVision_Status *status) { setStatus(status, CPlateVision_OK, "%s", ""); }

/// How a walk over a JPEG's header segments ended (walkJPEGSegments).
enum class JPEGWalkEnd { stopped, imageData, markerMissing, truncated };

/// Walks the segments of a JPEG's header, after its start-of-image marker: calls
/// `visit(marker, at)` (`at`: index of the segment's 0xFF) for each marker that starts a
/// segment, until `visit` returns false (`stopped`), the image data or end-of-image is
/// reached after its visit (`imageData`), a byte where a marker belongs is not 0xFF
/// (`markerMissing`) or the bytes end (`truncated`). `at` is where it ended.
template <typename Visit>
JPEGWalkEnd walkJPEGSegments(const uint8_t *bytes, size_t count, size_t &at, Visit visit) {
    at = 2;
    while (at + 4 <= count) {
        if (bytes[at] != 0xFF) return JPEGWalkEnd::markerMissing;
        const uint8_t marker = bytes[at + 1];
        if (marker == 0xFF) { at++; continue; } // fill byte
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { at += 2; continue; } // no length
        if (!visit(marker, at)) return JPEGWalkEnd::stopped;
        if (marker == 0xDA || marker == 0xD9) return JPEGWalkEnd::imageData;
        at += 2 + ((size_t(bytes[at + 2]) << 8) | bytes[at + 3]);
    }
    return JPEGWalkEnd::truncated;
}

// Image codecs without OpenCV's imgcodecs, whose libraries (GDAL and 110 more) cost every
// start of `parkscan` 33 MB resident and ~0.07 s. Each gives what imgcodecs gave, pixel for
// pixel; false with `problem` set (libjpeg's or libpng's words) when the codec refuses.

/// Decodes a JPEG (1, 3 or 4 components, Exif orientation applied) to 8-bit BGR as
/// cv::imdecode with IMREAD_COLOR did (JPEGDecoding.cpp).
bool decodeJPEGToBGR(const uint8_t *bytes, size_t count, cv::Mat &image, std::string &problem);

/// Decodes a PNG (any bit depth and colour type, alpha dropped, eXIf orientation applied)
/// to 8-bit BGR as cv::imdecode with IMREAD_COLOR did (PNGDecoding.cpp).
bool decodePNGToBGR(const uint8_t *bytes, size_t count, cv::Mat &image, std::string &problem);

/// The orientation (1-8) in a TIFF-structured Exif block; 1 (upright) when it has none or
/// cannot be read (ExifOrientation.cpp).
int exifOrientation(const uint8_t *tiff, size_t count);

/// The orientation in a JPEG's first APP1 segment, when that is Exif (as imdecode); 1 when
/// there is none.
int jpegExifOrientation(const uint8_t *bytes, size_t count);

/// Turns `image` upright as an Exif orientation says (rotation, mirroring).
void applyExifOrientation(cv::Mat &image, int orientation);

/// Encodes an 8-bit BGR image as a baseline JPEG into a buffer from malloc (release it with
/// free), the same bytes as cv::imencode(".jpg") (JPEGEncoding.cpp).
bool encodeBGRToJPEG(const cv::Mat &image, int quality, uint8_t *&bytes, size_t &count, std::string &problem);

/// Writes an 8-bit grey or BGR image to a PNG file (PNGWriting.cpp).
bool writePNG(const std::string &path, const cv::Mat &image, std::string &problem);

/// Area-averaging downscale, as cv::resize with INTER_AREA (to `size`, or by `scale`), fast
/// and exact for 2/3 of an 8-bit image whose sides are multiples of 3 (AreaDownscale.cpp).
void areaDownscale(const cv::Mat &source, cv::Mat &out, cv::Size size);
void areaDownscale(const cv::Mat &source, cv::Mat &out, double scale);

/// Runs `body`, turning every C++ exception into an error status. Returns `failure` then.
template <typename Result, typename Body>
Result guarded(CPlateVision_Status *status, Result failure, Body body) {
    try {
        return body();
    } catch (const cv::Exception &error) {
        setStatus(status, CPlateVision_ErrorInternal, "OpenCV: %s", error.what());
    } catch (const std::bad_alloc &) {
        setStatus(status, CPlateVision_ErrorInternal, "out of memory");
    } catch (const std::exception &error) {
        setStatus(status, CPlateVision_ErrorInternal, "%s", error.what());
    } catch (...) {
        setStatus(status, CPlateVision_ErrorInternal, "unknown C++ exception");
    }
    return failure;
}

/// A dark, character-sized connected component in the working image.
struct CharacterBlob {
    cv::Rect box;
    int area = 0;
    /// Characters this blob holds: blur and narrow fonts merge neighbours into one blob.
    int characters() const { return std::max(1, int(std::lround(box.width / (0.6f * box.height)))); }
    float centerX() const { return box.x + box.width * 0.5f; }
    float centerY() const { return box.y + box.height * 0.5f; }
};

/// A row of character blobs of similar height on one line: a plate candidate.
struct TextLine {
    std::vector<CharacterBlob> blobs; // left to right
    float slope = 0;                  // dy/dx of the character centres
    float characterHeight = 0;        // median blob height
    float score = 0;                  // plate-likeness, 0...1
    bool hasEUBand = false;
    bool lightOnDark = false;         // white characters on a dark plate (diplomatic, some foreign)
    cv::Rect bandBox;                 // the blue band, when found
    cv::Rect bounds() const;
    int characterCount() const;
};

/// Finds candidate text lines in a grey image: dark characters on a light plate, or with
/// `lightOnDark` light characters on a dark plate.
std::vector<TextLine> findTextLines(const cv::Mat &gray, bool lightOnDark);

/// Whether the plate whose characters stand in `box` (frame pixels) is yellow: Dutch, or a
/// Luxembourg or British rear plate; never German. Measured between the characters, not over
/// the plate's outline: the outline's bounding box of a tilted plate holds the car's paint at
/// its corners, and an orange car made a German plate yellow (held-out seed 47, `STL-CE 514`).
bool isYellowPlate(const cv::Mat &bgr, const cv::Rect &box);

/// Scores each line's plate-likeness using the colour frame (EU band) and the working-size
/// grey frame the lines were found in (`scale` of the colour frame's size); sorts best first.
void scoreTextLines(std::vector<TextLine> &lines, const cv::Mat &bgr, const cv::Mat &gray, float scale);

/// Undoes sideways motion blur on a straightened plate strip (characters inside `interior`,
/// scaled `frameToStrip` from the frame) when it is long enough to join characters. Returns
/// the blur's length in strip pixels, 0 when the strip was left as it was (MotionDeblur.cpp).
float undoMotionBlur(cv::Mat &gray, const cv::Rect &interior, float frameToStrip);

/// The shear that stands the characters of a straightened strip upright: ink at row y moves
/// `slant * (y - centre)` columns right. The strip was turned by its line's slope, which
/// leans upright strokes by `-lineSlope`; slants within 0.1 of that are tried, and 0 (a
/// camera that rolled: the turn was right). 0 when there is too little ink to tell.
/// `ink` is 255 on ink; only `interior` (the characters' band) is looked at (CharacterSlant.cpp).
float characterSlant(const cv::Mat &ink, const cv::Rect &interior, float lineSlope);

/// A plate's characters cut out, deskewed and cleaned: black characters on white.
struct PlateCrop {
    cv::Mat binary;              // CV_8U, 0 = ink, 255 = paper; empty if no characters
    cv::Mat grey;                // the same characters in grey (ink black, paper white)
    float characterHeight = 0;   // in crop pixels
    struct Column {
        int left, right;         // in `binary`
        float gapBefore;         // on the plate, in character heights
    };
    std::vector<Column> columns; // the characters, left to right
    cv::Mat strip;               // the straightened grey strip the characters came from
    cv::Mat ink;                 // its ink mask (for debugging)
    cv::Point2f corners[4];      // in frame pixels: tl, tr, br, bl
    bool hyphenated = false;     // a hyphen printed between characters (no German plate)
};

/// Cuts out the characters of `line` (found in an image scaled by `scale` from the frame).
PlateCrop cropPlate(const cv::Mat &bgr, const cv::Mat &gray, const TextLine &line, float scale);

/// A detected text line and its rectified characters.
struct PlateCandidate {
    TextLine line;   // in working-image pixels
    PlateCrop crop;
    float scale;     // working image / frame
    cv::Rect box(const cv::Size &frame) const; // plate outline's bounding box in the frame
    cv::Rect bandBox() const;                  // the EU band in frame pixels
    cv::Rect lineBox() const;                  // the characters' bounding box in frame pixels
    float frameCharacterHeight() const { return line.characterHeight / scale; } // in frame pixels
};

/// The EU band's blue in OpenCV's HSV (hue 0-180). Value from 20: the band of a plate in a
/// dark frame is dark blue, not black (a rendered night frame's band measured 23).
inline const cv::Scalar bandBlueLow(95, 70, 20), bandBlueHigh(135, 255, 255);

/// Detection works on the frame scaled by this (at most 1280 pixels a side).
float workingScale(const cv::Size &frame);

/// `working` (pixels of the frame scaled by `scale`) in frame pixels.
inline cv::Rect toFrame(const cv::Rect &working, float scale) {
    return cv::Rect(int(working.x / scale), int(working.y / scale), int(working.width / scale), int(working.height / scale));
}

/// The most plate-like text lines of a frame, best first, with their characters cut out.
/// `considered`, when given, gets every text line found, scored, best first (debugging).
std::vector<PlateCandidate> findPlateCandidates(const cv::Mat &bgr, int maxCandidates,
                                                std::vector<TextLine> *considered = nullptr);

/// The EU band's country letters (black on white, OCR-ready), or an empty image when
/// nothing letter-like is in the band.
cv::Mat bandLettersImage(const cv::Mat &bgr, cv::Rect band);

/// Whether the country code on the EU band `band` (frame pixels) has one letter (`D`, `F`,
/// ...) or two (`CZ`, `PL`, ...): 1 or 2, 0 when no code is seen. It tells them apart by the
/// code's width where its letters are too small to read. `debug`, when given, gets the widths.
int bandLetterCount(const cv::Mat &bgr, cv::Rect band, float characterHeight, std::string *debug = nullptr);

} // namespace plate_vision
