// Internal to CSceneRender: shared helpers of the .cpp files. Not part of the C ABI.
#pragma once

#include "CSceneRender.h"

#include <opencv2/core.hpp>
#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>

#include <map>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

struct CSceneRender_Font {
    cv::Ptr<cv::freetype::FreeType2> freeType;
    std::map<std::string, cv::Mat> glyphs;  // tight ink masks rendered at kGlyphRenderHeight
    double capHeight = 0;                   // ink height of "H" at kGlyphRenderHeight
};

struct CSceneRender_Frame {
    cv::Mat image;  // CV_8UC3, BGR
};

namespace scene {

/// A failure with a status code; turned into a CSceneRender_Status at the boundary.
struct RenderError : std::runtime_error {
    int code;
    RenderError(int code, const std::string &message) : std::runtime_error(message), code(code) {}
};

int succeed(CSceneRender_Status *status);
int fail(CSceneRender_Status *status, int code, const std::string &message);

/// Runs `body`, turning every exception into a status code.
template <class Body> int guarded(CSceneRender_Status *status, Body &&body) noexcept {
    try {
        body();
        return succeed(status);
    } catch (const RenderError &error) {
        return fail(status, error.code, error.what());
    } catch (const cv::Exception &error) {
        return fail(status, CSceneRender_OpenCVError, std::string("OpenCV: ") + error.what());
    } catch (const std::bad_alloc &) {
        return fail(status, CSceneRender_InternalError, "out of memory");
    } catch (const std::exception &error) {
        return fail(status, CSceneRender_InternalError, error.what());
    } catch (...) {
        return fail(status, CSceneRender_InternalError, "unknown C++ exception");
    }
}

inline void require(bool condition, const std::string &message) {
    if (!condition) throw RenderError(CSceneRender_InvalidArgument, message);
}

inline cv::Scalar bgr(CSceneRender_Color c) { return cv::Scalar(c.b, c.g, c.r); }
inline cv::Scalar shade(cv::Scalar c, double factor) {
    return cv::Scalar(cv::saturate_cast<uchar>(c[0] * factor), cv::saturate_cast<uchar>(c[1] * factor),
                      cv::saturate_cast<uchar>(c[2] * factor));
}
inline cv::Scalar mix(cv::Scalar a, cv::Scalar b, double t) { return a * (1 - t) + b * t; }

/// Millimetre drawing on a raster: maps mm to pixel-index coordinates (pixel centres at .5 mm steps).
struct Pen {
    double pixelsPerMM;
    double originX, originY;  // mm at the raster's left and top edge

    cv::Point2d at(double x, double y) const {
        return {(x - originX) * pixelsPerMM - 0.5, (y - originY) * pixelsPerMM - 0.5};
    }
    double length(double mm) const { return mm * pixelsPerMM; }
};

using Outline = std::vector<cv::Point2d>;

/// A rectangle in mm with separately rounded corners (top-left, top-right, bottom-right, bottom-left).
Outline roundedRect(double x0, double y0, double x1, double y1, double rtl, double rtr, double rbr, double rbl);
inline Outline roundedRect(double x0, double y0, double x1, double y1, double r) {
    return roundedRect(x0, y0, x1, y1, r, r, r, r);
}
Outline ellipseOutline(double cx, double cy, double rx, double ry);
Outline star(double cx, double cy, double outer, double inner, double rotation);

/// Fills an outline given in mm (anti-aliased, sub-pixel precise).
void fill(cv::Mat &image, const Pen &pen, const Outline &outline, cv::Scalar color, bool antialias = true);
void stroke(cv::Mat &image, const Pen &pen, const Outline &outline, cv::Scalar color, double widthMM);

/// Splits UTF-8 text into its characters.
std::vector<std::string> characters(const std::string &utf8);

/// The ink mask of one character (tight box) at the font's render height; empty for blanks.
const cv::Mat &glyphMask(CSceneRender_Font &font, const std::string &character);
bool isPunctuation(const std::string &character);

/// Width in pixels of a character drawn with cap height `height` and horizontal squeeze `squeeze`.
double glyphWidth(CSceneRender_Font &font, const std::string &character, double height, double squeeze);

/// Draws one character with its cap box at (x, top) of `height` pixels; returns the ink width.
double drawGlyph(cv::Mat &image, CSceneRender_Font &font, const std::string &character, double x, double top,
                 double height, double squeeze, cv::Scalar color, double opacity = 1.0);

/// Draws a line of text centred in `box` (pixels), as large as fits.
void drawTextFit(cv::Mat &image, CSceneRender_Font &font, const std::string &text, cv::Rect2d box, cv::Scalar color,
                 double squeeze = 0.9);

/// Blends `color` into `image` through the 8-bit `mask` placed with its top-left at `origin`.
void blendMask(cv::Mat &image, const cv::Mat &mask, cv::Point origin, cv::Scalar color, double opacity = 1.0);

/// A 520 x 110 mm plate as BGRA at `pixelsPerMM`.
cv::Mat renderPlate(CSceneRender_Font &font, const CSceneRender_Plate &plate, double pixelsPerMM);

/// The inspection (HU) sticker and the state seal, centred at (cx, cy) mm with radius r mm.
void drawInspectionSticker(cv::Mat &image, CSceneRender_Font &font, const Pen &pen, double cx, double cy, double r,
                           const CSceneRender_Plate &plate);
void drawStateSeal(cv::Mat &image, const Pen &pen, double cx, double cy, double r, int scheme);

/// Maps a BGR image with an 8-bit alpha into the frame through `toFrame` (source pixel-index
/// coordinates to continuous frame coordinates) and alpha-blends it.
void composite(cv::Mat &frame, const cv::Mat &color, const cv::Mat &alpha, const cv::Matx33d &toFrame);

}  // namespace scene
