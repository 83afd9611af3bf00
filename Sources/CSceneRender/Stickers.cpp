// The two round stickers between district and letters: inspection (HU) above, state seal below.
#include "SceneRenderInternal.hpp"

#include <cmath>

namespace scene {

namespace {

constexpr double kPi = 3.14159265358979323846;

struct SealColors {
    cv::Scalar left, right;  // BGR
};

// Rough field colours of some state coats of arms.
const SealColors kSealSchemes[] = {
    {{235, 235, 235}, {200, 140, 40}},  // Bavaria: white and blue
    {{60, 140, 40}, {40, 40, 200}},     // North Rhine-Westphalia: green and red
    {{40, 190, 230}, {30, 30, 30}},     // Baden-Württemberg: gold and black
    {{235, 235, 235}, {40, 40, 210}},   // Berlin: white and red
    {{40, 40, 200}, {235, 235, 235}},   // Hamburg / Lower Saxony: red and white
    {{170, 100, 30}, {50, 50, 210}},    // Hesse: blue and red
    {{40, 200, 230}, {40, 130, 40}},    // Saxony: yellow and green
    {{40, 40, 190}, {40, 190, 230}},    // Brandenburg / Thuringia: red and gold
};

Outline shield(double cx, double cy, double r) {
    Outline out;
    const double top = cy - 0.45 * r, side = 0.36 * r, shoulder = cy + 0.05 * r, tip = cy + 0.52 * r;
    out.emplace_back(cx - side, top);
    out.emplace_back(cx + side, top);
    out.emplace_back(cx + side, shoulder);
    for (int i = 1; i < 10; ++i) {  // curved lower half towards the tip
        double t = i / 10.0;
        out.emplace_back(cx + side * std::cos(t * kPi / 2), shoulder + (tip - shoulder) * std::sin(t * kPi / 2));
    }
    out.emplace_back(cx, tip);
    for (int i = 9; i >= 1; --i) {
        double t = i / 10.0;
        out.emplace_back(cx - side * std::cos(t * kPi / 2), shoulder + (tip - shoulder) * std::sin(t * kPi / 2));
    }
    out.emplace_back(cx - side, shoulder);
    return out;
}

}  // namespace

void drawInspectionSticker(cv::Mat &image, CSceneRender_Font &font, const Pen &pen, double cx, double cy, double r,
                           const CSceneRender_Plate &plate) {
    fill(image, pen, ellipseOutline(cx, cy, r, r), bgr(plate.inspectionColor));
    stroke(image, pen, ellipseOutline(cx, cy, r - 0.3, r - 0.3), cv::Scalar::all(40), 0.5);
    stroke(image, pen, ellipseOutline(cx, cy, 0.56 * r, 0.56 * r), cv::Scalar::all(30), 0.35);
    const int month = std::clamp(plate.inspectionMonth, 1, 12);
    const double digitHeight = pen.length(0.19 * r);
    for (int i = 0; i < 12; ++i) {
        int shown = (month - 1 + i) % 12 + 1;
        double a = 2 * kPi * i / 12;
        cv::Point2d centre = pen.at(cx + 0.76 * r * std::sin(a), cy - 0.76 * r * std::cos(a));
        std::string text = std::to_string(shown);
        double width = 0;
        for (const auto &c : characters(text)) width += glyphWidth(font, c, digitHeight, 0.9);
        double x = centre.x - width / 2;
        for (const auto &c : characters(text))
            x += drawGlyph(image, font, c, x, centre.y - digitHeight / 2, digitHeight, 0.9, cv::Scalar::all(20));
    }
    // The black mark at the due month, at the top of the rim.
    fill(image, pen, roundedRect(cx - 0.1 * r, cy - r + 0.2, cx + 0.1 * r, cy - 0.9 * r, 0.3), cv::Scalar::all(15));
    std::string year = std::to_string(std::abs(plate.inspectionYear) % 100);
    if (year.size() < 2) year = "0" + year;
    cv::Rect2d box(pen.at(cx - 0.45 * r, cy - 0.3 * r), pen.at(cx + 0.45 * r, cy + 0.3 * r));
    drawTextFit(image, font, year, box, cv::Scalar::all(15), 0.9);
}

void drawStateSeal(cv::Mat &image, const Pen &pen, double cx, double cy, double r, int scheme) {
    const int count = static_cast<int>(sizeof(kSealSchemes) / sizeof(kSealSchemes[0]));
    const SealColors &colors = kSealSchemes[((scheme % count) + count) % count];
    fill(image, pen, ellipseOutline(cx, cy, r, r), cv::Scalar(205, 208, 210));
    stroke(image, pen, ellipseOutline(cx, cy, r - 0.4, r - 0.4), cv::Scalar::all(110), 0.6);
    stroke(image, pen, ellipseOutline(cx, cy, 0.74 * r, 0.74 * r), cv::Scalar::all(120), 0.4);
    // Short dashes around the rim stand in for the lettering of the seal.
    for (int i = 0; i < 30; ++i) {
        if (i >= 13 && i <= 16) continue;  // a gap at the bottom, as between the words
        double a = 2 * kPi * i / 30, b = a + 2 * kPi / 30 * 0.55;
        Outline dash;
        for (double t : {0.0, 1.0})
            dash.emplace_back(cx + 0.86 * r * std::sin(a + (b - a) * t), cy - 0.86 * r * std::cos(a + (b - a) * t));
        stroke(image, pen, dash, cv::Scalar::all(95), 0.09 * r);
    }
    Outline outline = shield(cx, cy, r);
    fill(image, pen, outline, colors.left);
    Outline right;
    for (const auto &p : outline)
        if (p.x >= cx - 1e-9) right.push_back(p);
    right.insert(right.begin(), cv::Point2d(cx, cy - 0.45 * r));
    fill(image, pen, right, colors.right);
    stroke(image, pen, outline, cv::Scalar::all(50), 0.5);
}

}  // namespace scene
