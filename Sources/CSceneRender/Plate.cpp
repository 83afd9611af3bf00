// The plate itself: 520 x 110 mm, border, EU band, characters and seal stickers.
#include "SceneRenderInternal.hpp"

#include <cmath>

namespace scene {

namespace {

constexpr double kPlateWidth = 520, kPlateHeight = 110;
constexpr double kBandRight = 42;           // mm, right edge of the EU band
constexpr double kCapHeight = 75;           // mm, character height (68% of the plate)
constexpr double kGlyphSpacing = 5.5;       // mm between characters
constexpr double kStickerAdvance = 57;      // mm taken by the two stacked stickers
constexpr double kStickerRadius = 22.5;     // mm
constexpr double kHalfGap = 21;             // mm, the gap before the digits
constexpr double kPi = 3.14159265358979323846;

struct Element {
    std::string glyph;  // empty for the stickers and gaps
    bool stickers = false;
    double advance = 0;  // mm
    double inkWidth = 0; // mm
};

std::vector<Element> layOut(CSceneRender_Font &font, const std::string &layout, double squeeze) {
    std::vector<Element> elements;
    for (const auto &c : characters(layout)) {
        Element e;
        if (c == "|") {
            e.stickers = true;
            e.advance = kStickerAdvance;
        } else if (c == " ") {
            e.advance = kHalfGap;
        } else {
            e.glyph = c;
            e.inkWidth = glyphWidth(font, c, kCapHeight, squeeze);
            e.advance = e.inkWidth + kGlyphSpacing;
        }
        elements.push_back(e);
    }
    return elements;
}

double totalWidth(const std::vector<Element> &elements) {
    double total = 0;
    for (const auto &e : elements) total += e.advance;
    if (!elements.empty() && !elements.back().glyph.empty()) total -= kGlyphSpacing;
    return total;
}

void drawBand(cv::Mat &color, CSceneRender_Font &font, const Pen &pen, const CSceneRender_Plate &plate) {
    const double inset = 2.6;
    fill(color, pen, roundedRect(inset, inset, kBandRight, kPlateHeight - inset, 4, 0, 0, 4), cv::Scalar(153, 51, 0));
    const double cx = (inset + kBandRight) / 2, cy = 29, ring = 11.5;
    for (int i = 0; i < 12; ++i) {
        double a = 2 * kPi * i / 12;
        fill(color, pen, star(cx + ring * std::sin(a), cy - ring * std::cos(a), 2.3, 0.95, 0), cv::Scalar(0, 204, 255));
    }
    std::string code = plate.countryCode ? plate.countryCode : "";
    if (code.empty()) return;
    double height = pen.length(19), squeeze = 1.0;
    double width = 0;
    for (const auto &c : characters(code)) width += glyphWidth(font, c, height, squeeze) + pen.length(2);
    width -= pen.length(2);
    double maxWidth = pen.length(kBandRight - inset - 7);
    if (width > maxWidth) {
        squeeze = maxWidth / width;
        width = maxWidth;
    }
    cv::Point2d origin = pen.at(cx, kPlateHeight - 11);
    double x = origin.x - width / 2;
    for (const auto &c : characters(code))
        x += drawGlyph(color, font, c, x, origin.y - height, height, squeeze, cv::Scalar::all(255)) + pen.length(2) * squeeze;
}

void addDirtAndSheen(cv::Mat &color, const CSceneRender_Plate &plate) {
    if (plate.dirt <= 0 && plate.sheen <= 0) return;
    cv::RNG rng(plate.seed ? plate.seed : 1);
    cv::Mat field(std::max(2, color.rows / 16), std::max(2, color.cols / 16), CV_32F);
    rng.fill(field, cv::RNG::NORMAL, 0, 1);
    cv::resize(field, field, color.size(), 0, 0, cv::INTER_CUBIC);
    const double angle = rng.uniform(0.0, kPi);
    const double position = rng.uniform(0.2, 0.8);
    for (int y = 0; y < color.rows; ++y) {
        const float *f = field.ptr<float>(y);
        cv::Vec3b *p = color.ptr<cv::Vec3b>(y);
        for (int x = 0; x < color.cols; ++x) {
            double grime = std::max(0.0, static_cast<double>(f[x])) * plate.dirt * 0.22;
            double along = (x * std::cos(angle) + y * std::sin(angle)) / (color.cols + color.rows) - position * 0.7;
            double gleam = plate.sheen * 55 * std::exp(-along * along * 60);
            for (int c = 0; c < 3; ++c) p[x][c] = cv::saturate_cast<uchar>(p[x][c] * (1 - grime) + gleam);
        }
    }
}

}  // namespace

cv::Mat renderPlate(CSceneRender_Font &font, const CSceneRender_Plate &plate, double pixelsPerMM) {
    require(plate.layout != nullptr, "plate layout must not be NULL");
    require(pixelsPerMM >= 0.2 && pixelsPerMM <= 20, "plate resolution must be 0.2...20 pixels per mm");
    const Pen pen{pixelsPerMM, 0, 0};
    cv::Size size(cvRound(kPlateWidth * pixelsPerMM), cvRound(kPlateHeight * pixelsPerMM));
    cv::Mat color(size, CV_8UC3, bgr(plate.background));
    cv::Mat alpha(size, CV_8U, cv::Scalar(0));
    fill(alpha, pen, roundedRect(0, 0, kPlateWidth, kPlateHeight, 7), cv::Scalar(255));
    stroke(color, pen, roundedRect(1.4, 1.4, kPlateWidth - 1.4, kPlateHeight - 1.4, 5.5), cv::Scalar::all(15), 1.7);
    drawBand(color, font, pen, plate);

    double squeeze = plate.glyphWidth > 0.3 ? plate.glyphWidth : 0.9;
    auto elements = layOut(font, plate.layout, squeeze);
    const double left = kBandRight + 5, right = kPlateWidth - 7;
    double width = totalWidth(elements);
    if (width > right - left) {  // squeeze glyphs and gaps (not the stickers) so everything fits
        double fixed = 0;
        for (const auto &e : elements) fixed += e.stickers ? e.advance : 0;
        double factor = (right - left - fixed) / std::max(1.0, width - fixed);
        squeeze *= factor;
        elements = layOut(font, plate.layout, squeeze);
        for (auto &e : elements)
            if (e.glyph.empty() && !e.stickers) e.advance *= factor;
        width = totalWidth(elements);
    }
    double x = left + (right - left - width) / 2;
    const double top = (kPlateHeight - kCapHeight) / 2;
    const cv::Scalar ink = bgr(plate.ink);
    for (const auto &e : elements) {
        if (e.stickers) {
            double cx = x + e.advance / 2;
            drawInspectionSticker(color, font, pen, cx, kPlateHeight / 2 - kStickerRadius - 0.8, kStickerRadius, plate);
            drawStateSeal(color, pen, cx, kPlateHeight / 2 + kStickerRadius + 0.8, kStickerRadius, plate.stateSeal);
        } else if (!e.glyph.empty()) {
            // The embossed characters cast a faint shadow down and to the right.
            cv::Point2d shadow = pen.at(x + 0.9, top + 1.0);
            drawGlyph(color, font, e.glyph, shadow.x, shadow.y, pen.length(kCapHeight), squeeze, cv::Scalar::all(60), 0.28);
            cv::Point2d origin = pen.at(x, top);
            drawGlyph(color, font, e.glyph, origin.x, origin.y, pen.length(kCapHeight), squeeze, ink);
        }
        x += e.advance;
    }
    addDirtAndSheen(color, plate);

    cv::Mat bgra;
    cv::merge(std::vector<cv::Mat>{color, alpha}, bgra);
    return bgra;
}

}  // namespace scene

extern "C" int CSceneRender_RenderPlate(CSceneRender_Font *font, const CSceneRender_Plate *plate,
                                        double pixelsPerMillimetre, CSceneRender_Frame **out,
                                        CSceneRender_Status *status) {
    return scene::guarded(status, [&] {
        scene::require(font && plate && out, "font, plate and output must not be NULL");
        *out = nullptr;
        cv::Mat bgra = scene::renderPlate(*font, *plate, pixelsPerMillimetre);
        int margin = cvRound(8 * pixelsPerMillimetre);
        auto frame = std::make_unique<CSceneRender_Frame>();
        frame->image = cv::Mat(bgra.rows + 2 * margin, bgra.cols + 2 * margin, CV_8UC3, cv::Scalar(90, 90, 90));
        cv::Mat color, alpha;
        cv::cvtColor(bgra, color, cv::COLOR_BGRA2BGR);
        cv::extractChannel(bgra, alpha, 3);
        cv::Mat roi = frame->image(cv::Rect(margin, margin, bgra.cols, bgra.rows));
        for (int y = 0; y < roi.rows; ++y) {
            const uchar *a = alpha.ptr<uchar>(y);
            const cv::Vec3b *c = color.ptr<cv::Vec3b>(y);
            cv::Vec3b *p = roi.ptr<cv::Vec3b>(y);
            for (int x = 0; x < roi.cols; ++x) {
                double t = a[x] / 255.0;
                for (int k = 0; k < 3; ++k) p[x][k] = cv::saturate_cast<uchar>(p[x][k] * (1 - t) + c[x][k] * t);
            }
        }
        *out = frame.release();
    });
}
