// Outlines in millimetres and their sub-pixel rasterisation.
#include "SceneRenderInternal.hpp"

#include <cmath>

namespace scene {

namespace {

constexpr int kShift = 4;  // fixed-point bits for cv::fillPoly
constexpr double kPi = 3.14159265358979323846;

void arc(Outline &out, double cx, double cy, double r, double from, double to) {
    if (r <= 0) {
        out.emplace_back(cx, cy);
        return;
    }
    const int steps = 10;
    for (int i = 0; i <= steps; ++i) {
        double a = from + (to - from) * i / steps;
        out.emplace_back(cx + r * std::cos(a), cy + r * std::sin(a));
    }
}

std::vector<cv::Point> fixedPoint(const Pen &pen, const Outline &outline) {
    std::vector<cv::Point> points;
    points.reserve(outline.size());
    for (const auto &p : outline) {
        cv::Point2d q = pen.at(p.x, p.y);
        points.emplace_back(cvRound(q.x * (1 << kShift)), cvRound(q.y * (1 << kShift)));
    }
    return points;
}

}  // namespace

Outline roundedRect(double x0, double y0, double x1, double y1, double rtl, double rtr, double rbr, double rbl) {
    Outline out;
    arc(out, x0 + rtl, y0 + rtl, rtl, kPi, 1.5 * kPi);
    arc(out, x1 - rtr, y0 + rtr, rtr, 1.5 * kPi, 2 * kPi);
    arc(out, x1 - rbr, y1 - rbr, rbr, 0, 0.5 * kPi);
    arc(out, x0 + rbl, y1 - rbl, rbl, 0.5 * kPi, kPi);
    return out;
}

Outline ellipseOutline(double cx, double cy, double rx, double ry) {
    Outline out;
    const int steps = 48;
    for (int i = 0; i < steps; ++i) {
        double a = 2 * kPi * i / steps;
        out.emplace_back(cx + rx * std::cos(a), cy + ry * std::sin(a));
    }
    return out;
}

Outline star(double cx, double cy, double outer, double inner, double rotation) {
    Outline out;
    for (int i = 0; i < 10; ++i) {
        double r = (i % 2 == 0) ? outer : inner;
        double a = rotation - kPi / 2 + kPi * i / 5;
        out.emplace_back(cx + r * std::cos(a), cy + r * std::sin(a));
    }
    return out;
}

void fill(cv::Mat &image, const Pen &pen, const Outline &outline, cv::Scalar color, bool antialias) {
    std::vector<std::vector<cv::Point>> polygons{fixedPoint(pen, outline)};
    cv::fillPoly(image, polygons, color, antialias ? cv::LINE_AA : cv::LINE_8, kShift);
}

void stroke(cv::Mat &image, const Pen &pen, const Outline &outline, cv::Scalar color, double widthMM) {
    std::vector<std::vector<cv::Point>> polygons{fixedPoint(pen, outline)};
    int thickness = std::max(1, cvRound(pen.length(widthMM)));
    cv::polylines(image, polygons, true, color, thickness, cv::LINE_AA, kShift);
}

}  // namespace scene
