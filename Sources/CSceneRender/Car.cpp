// A car front or rear drawn in its own plane (mm), mapped into the frame, then its plate.
#include "SceneRenderInternal.hpp"

#include <cmath>

namespace scene {

namespace {

constexpr double kCarHeight = 1450;     // mm, ground to roof
constexpr double kWindowBottom = 900;   // mm above ground where the windscreen starts
constexpr double kClearance = 140;      // mm, ground to the lower edge of the body

struct CarLayer {
    cv::Mat color, alpha;
    Pen pen;
};

/// A shape of the silhouette: coloured, opaque, with its colour reaching past the anti-aliased edge.
void solid(CarLayer &layer, const Outline &outline, cv::Scalar color) {
    fill(layer.color, layer.pen, outline, color);
    stroke(layer.color, layer.pen, outline, color, 2.0 / layer.pen.pixelsPerMM);
    fill(layer.alpha, layer.pen, outline, cv::Scalar(255));
}

void drawShadowAndWheels(CarLayer &layer, double half, double ground) {
    cv::Mat shadow(layer.alpha.size(), CV_8U, cv::Scalar(0));
    fill(shadow, layer.pen, ellipseOutline(0, ground - 5, half * 1.08, 60), cv::Scalar(170));
    double sigma = std::max(0.8, layer.pen.length(25));
    cv::GaussianBlur(shadow, shadow, cv::Size(0, 0), sigma);
    cv::max(layer.alpha, shadow, layer.alpha);
    for (double side : {-1.0, 1.0}) {
        double inner = side * (half - 340), outer = side * (half - 95);
        solid(layer, roundedRect(std::min(inner, outer), ground - 380, std::max(inner, outer), ground, 45),
              cv::Scalar(24, 23, 22));
    }
}

void drawBody(CarLayer &layer, const CSceneRender_Car &car, double half, double ground) {
    const cv::Scalar body = bgr(car.body);
    const double belt = ground - kWindowBottom, roof = ground - kCarHeight;
    // Cabin with the windscreen (front) or the rear window.
    solid(layer,
          {{-(half - 70), belt + 20}, {-half * 0.71, roof + 110}, {-half * 0.63, roof}, {half * 0.63, roof},
           {half * 0.71, roof + 110}, {half - 70, belt + 20}},
          shade(body, 0.93));
    const cv::Scalar glass(52, 46, 40);
    fill(layer.color, layer.pen,
         {{-(half - 160), belt + 10}, {-half * 0.69 + 60, roof + 120}, {-half * 0.62 + 55, roof + 55},
          {half * 0.62 - 55, roof + 55}, {half * 0.69 - 60, roof + 120}, {half - 160, belt + 10}},
         glass);
    // A reflection across the glass, different on every car.
    cv::RNG rng(car.seed ^ 0x91a55ULL);
    const double shift = rng.uniform(-0.2, 0.2) * half, band = rng.uniform(0.1, 0.25) * half;
    const double lean = rng.uniform(0.0, 0.2) * half;  // stays inside the window
    fill(layer.color, layer.pen,
         {{shift - band / 2, belt + 10}, {shift - band / 2 + lean, roof + 55}, {shift + band / 2 + lean, roof + 55},
          {shift + band / 2, belt + 10}},
         mix(glass, cv::Scalar::all(200), rng.uniform(0.08, 0.22)));
    for (double side : {-1.0, 1.0}) {  // mirrors
        double inner = side * (half - 80), outer = side * (half + 45);
        solid(layer, roundedRect(std::min(inner, outer), belt - 150, std::max(inner, outer), belt - 55, 30),
              shade(body, 0.9));
    }
    // Lower body: bonnet or boot down to the bumper.
    solid(layer, roundedRect(-half, belt, half, ground - kClearance, 170, 170, 90, 90), body);
    fill(layer.color, layer.pen, roundedRect(-half + 70, belt + 12, half - 70, belt + 55, 20),
         mix(body, cv::Scalar::all(255), 0.22));
    fill(layer.color, layer.pen, roundedRect(-half + 30, ground - 230, half - 30, ground - kClearance - 5, 40),
         shade(body, 0.72));
}

void drawFront(CarLayer &layer, const CSceneRender_Car &car, double half, double ground) {
    const cv::Scalar body = bgr(car.body);
    const double belt = ground - kWindowBottom;
    for (double side : {-1.0, 1.0}) {
        Outline lamp{{side * (half - 70), belt + 90},
                     {side * (half - 430), belt + 115},
                     {side * (half - 420), belt + 205},
                     {side * (half - 95), belt + 235}};
        fill(layer.color, layer.pen, lamp, cv::Scalar(200, 202, 205));
        stroke(layer.color, layer.pen, lamp, cv::Scalar::all(70), 6);
        fill(layer.color, layer.pen, ellipseOutline(side * (half - 200), belt + 160, 62, 40), cv::Scalar(248, 248, 245));
        fill(layer.color, layer.pen, ellipseOutline(side * (half - 330), belt + 165, 40, 30), cv::Scalar(230, 232, 235));
    }
    fill(layer.color, layer.pen, roundedRect(-330, belt + 110, 330, belt + 265, 45), cv::Scalar(30, 30, 32));
    for (double y = belt + 135; y < belt + 250; y += 30)
        stroke(layer.color, layer.pen, {{-300, y}, {300, y}}, cv::Scalar(58, 58, 62), 5);
    fill(layer.color, layer.pen, ellipseOutline(0, belt + 187, 50, 32), cv::Scalar(190, 192, 196));
    stroke(layer.color, layer.pen, {{-half + 60, belt + 305}, {half - 60, belt + 305}}, shade(body, 0.6), 6);
    const double intakeTop = 95, intakeBottom = ground - 190;
    if (intakeBottom - intakeTop > 40) {
        fill(layer.color, layer.pen, roundedRect(-430, intakeTop, 430, intakeBottom, 30), cv::Scalar(28, 28, 30));
        for (double side : {-1.0, 1.0})
            fill(layer.color, layer.pen, ellipseOutline(side * (half - 230), (intakeTop + intakeBottom) / 2, 42, 30),
                 cv::Scalar(195, 198, 200));
    }
}

void drawRear(CarLayer &layer, const CSceneRender_Car &car, double half, double ground) {
    const cv::Scalar body = bgr(car.body);
    const double belt = ground - kWindowBottom;
    for (double side : {-1.0, 1.0}) {
        Outline lamp{{side * (half - 50), belt + 70},
                     {side * (half - 400), belt + 85},
                     {side * (half - 390), belt + 195},
                     {side * (half - 60), belt + 215}};
        fill(layer.color, layer.pen, lamp, cv::Scalar(35, 28, 175));
        stroke(layer.color, layer.pen, lamp, cv::Scalar(20, 20, 60), 5);
        fill(layer.color, layer.pen, roundedRect(std::min(side * (half - 330), side * (half - 200)), belt + 110,
                                                 std::max(side * (half - 330), side * (half - 200)), belt + 170, 15),
             cv::Scalar(70, 70, 235));
        fill(layer.color, layer.pen, roundedRect(std::min(side * (half - 385), side * (half - 335)), belt + 110,
                                                 std::max(side * (half - 385), side * (half - 335)), belt + 170, 10),
             cv::Scalar(235, 235, 235));
    }
    stroke(layer.color, layer.pen, roundedRect(-(half - 420), belt + 35, half - 420, -85, 30), shade(body, 0.55), 4);
    fill(layer.color, layer.pen, ellipseOutline(0, -125, 45, 28), cv::Scalar(190, 192, 196));
    fill(layer.color, layer.pen, roundedRect(-half + 30, ground - 330, half - 30, ground - kClearance - 5, 40),
         shade(body, 0.8));
    for (double side : {-1.0, 1.0})
        fill(layer.color, layer.pen,
             roundedRect(std::min(side * (half - 260), side * (half - 150)), ground - 290,
                         std::max(side * (half - 260), side * (half - 150)), ground - 268, 8),
             cv::Scalar(30, 30, 160));
}

void drawPlateSurround(CarLayer &layer, CSceneRender_Font &font, const CSceneRender_Car &car, double half,
                       double ground) {
    const cv::Scalar body = bgr(car.body);
    fill(layer.color, layer.pen, roundedRect(-288, -74, 288, 74, 18), shade(body, 0.8));
    if (car.plateHolder) {
        fill(layer.color, layer.pen, roundedRect(-273, -64, 273, 78, 10), cv::Scalar(18, 18, 18));
        if (car.holderText && *car.holderText) {
            cv::Rect2d box(layer.pen.at(-200, 57.5), layer.pen.at(200, 77));
            drawTextFit(layer.color, font, car.holderText, box, cv::Scalar(205, 205, 205));
        }
    }
    if (car.stickerText && *car.stickerText) {
        const double belt = ground - kWindowBottom;
        const double left = half * 0.18, top = belt - 125;
        cv::RNG rng(car.seed ^ 0x5eedULL);
        cv::Scalar boards[] = {{240, 240, 240}, {60, 200, 250}, {235, 200, 120}};
        cv::Scalar inks[] = {{120, 40, 20}, {20, 20, 20}, {30, 30, 170}};
        int pick = rng.uniform(0, 3);
        fill(layer.color, layer.pen, roundedRect(left, top, left + 360, top + 85, 10), boards[pick]);
        cv::Rect2d box(layer.pen.at(left, top), layer.pen.at(left + 360, top + 85));
        drawTextFit(layer.color, font, car.stickerText, box, inks[pick]);
    }
}

}  // namespace

}  // namespace scene

extern "C" int CSceneRender_DrawCar(CSceneRender_Frame *frame, CSceneRender_Font *font, const CSceneRender_Car *car,
                                    CSceneRender_Status *status) {
    using namespace scene;
    return guarded(status, [&] {
        require(frame && font && car, "frame, font and car must not be NULL");
        const double ppm = car->pixelsPerMillimetre;
        require(ppm >= 0.02 && ppm <= 4, "car resolution must be 0.02...4 pixels per mm");
        require(car->bodyWidth >= 1200 && car->bodyWidth <= 2600, "car body width must be 1200...2600 mm");
        require(car->plateHeight >= 250 && car->plateHeight <= 800, "plate height must be 250...800 mm");
        const double half = car->bodyWidth / 2, ground = car->plateHeight;
        const double x0 = -half - 60, x1 = half + 60, y0 = ground - kCarHeight - 40, y1 = ground + 70;
        cv::Size size(cvCeil((x1 - x0) * ppm), cvCeil((y1 - y0) * ppm));
        require(static_cast<double>(size.width) * size.height <= 3.0e7, "car drawing would be too large");

        CarLayer layer{cv::Mat(size, CV_8UC3, cv::Scalar::all(0)), cv::Mat(size, CV_8U, cv::Scalar(0)),
                       Pen{ppm, x0, y0}};
        drawShadowAndWheels(layer, half, ground);
        drawBody(layer, *car, half, ground);
        if (car->rearView)
            drawRear(layer, *car, half, ground);
        else
            drawFront(layer, *car, half, ground);
        drawPlateSurround(layer, *font, *car, half, ground);

        const cv::Matx33d toFrame(car->homography);
        const cv::Matx33d canvasToMM(1 / ppm, 0, 0.5 / ppm + x0, 0, 1 / ppm, 0.5 / ppm + y0, 0, 0, 1);
        composite(frame->image, layer.color, layer.alpha, toFrame * canvasToMM);

        // The plate: rendered sharp, reduced to about its size in the frame, then mapped exactly.
        auto project = [&](double x, double y) {
            cv::Vec3d p = toFrame * cv::Vec3d(x, y, 1);
            require(p[2] > 1e-9, "the plate is behind the camera");
            return cv::Point2d(p[0] / p[2], p[1] / p[2]);
        };
        cv::Point2d tl = project(-260, -55), tr = project(260, -55), br = project(260, 55), bl = project(-260, 55);
        int width = std::clamp(cvCeil(std::max(cv::norm(tr - tl), cv::norm(br - bl))), 8, 4000);
        int height = std::clamp(cvCeil(std::max(cv::norm(bl - tl), cv::norm(br - tr))), 3, 1000);
        double plateResolution = std::clamp(1.6 * width / 520.0, 1.2, 8.0);
        cv::Mat plate = renderPlate(*font, car->plate, plateResolution), reduced;
        cv::resize(plate, reduced, cv::Size(width, height), 0, 0, cv::INTER_AREA);
        cv::Mat color, alpha;
        cv::cvtColor(reduced, color, cv::COLOR_BGRA2BGR);
        cv::extractChannel(reduced, alpha, 3);
        const cv::Matx33d plateToMM(520.0 / width, 0, 0.5 * 520.0 / width - 260, 0, 110.0 / height,
                                    0.5 * 110.0 / height - 55, 0, 0, 1);
        composite(frame->image, color, alpha, toFrame * plateToMM);
    });
}
