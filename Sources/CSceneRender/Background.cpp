// Street backgrounds (sky, facade, road) and text signs as distractors.
#include "SceneRenderInternal.hpp"

#include <cmath>

namespace scene {

namespace {

/// Smooth random variation: coarse Gaussian noise scaled up to `size`.
cv::Mat lowFrequencyNoise(cv::RNG &rng, cv::Size size, int cell) {
    cv::Mat coarse(std::max(2, size.height / cell), std::max(2, size.width / cell), CV_32F);
    rng.fill(coarse, cv::RNG::NORMAL, 0, 1);
    cv::Mat field;
    cv::resize(coarse, field, size, 0, 0, cv::INTER_CUBIC);
    return field;
}

void verticalGradient(cv::Mat &image, int from, int to, cv::Scalar top, cv::Scalar bottom) {
    for (int y = std::max(0, from); y < std::min(to, image.rows); ++y) {
        double t = to - from > 1 ? static_cast<double>(y - from) / (to - from - 1) : 0;
        image.row(y).setTo(mix(top, bottom, t));
    }
}

void drawFacade(cv::Mat &image, cv::RNG &rng, int top, int bottom, const CSceneRender_Background &background) {
    if (bottom - top < 8) return;
    const cv::Scalar wall = bgr(background.wall);
    verticalGradient(image, top, bottom, shade(wall, 1.05), shade(wall, 0.85));
    const double unit = image.rows / 720.0;
    const int floorHeight = std::max(12, cvRound(rng.uniform(90.0, 170.0) * unit));
    const int bayWidth = std::max(12, cvRound(rng.uniform(90.0, 180.0) * unit));
    const int offset = rng.uniform(0, bayWidth);
    const cv::Scalar glass = mix(cv::Scalar(70, 60, 50), wall, 0.15);
    for (int y = top + floorHeight / 4; y + floorHeight / 2 < bottom; y += floorHeight) {
        cv::line(image, {0, y - floorHeight / 4}, {image.cols, y - floorHeight / 4}, shade(wall, 0.8),
                 std::max(1, cvRound(3 * unit)));
        for (int x = offset - bayWidth; x < image.cols; x += bayWidth) {
            if (rng.uniform(0.0, 1.0) > background.windowDensity) continue;
            cv::Rect window(x + bayWidth / 5, y, bayWidth * 3 / 5, floorHeight / 2);
            double lit = rng.uniform(0.0, 1.0);
            cv::Scalar pane = lit < 0.15 ? cv::Scalar(120, 190, 220) : shade(glass, rng.uniform(0.7, 1.3));
            cv::rectangle(image, window, shade(wall, 1.2), -1);
            cv::rectangle(image, window - cv::Point(-2, -2) - cv::Size(4, 4), pane, -1);
        }
    }
}

void drawRoad(cv::Mat &image, cv::RNG &rng, int top, const CSceneRender_Background &background) {
    if (top >= image.rows) return;
    const cv::Scalar road = bgr(background.road);
    verticalGradient(image, top, image.rows, shade(road, 1.1), shade(road, 0.8));
    const int kerb = std::max(2, image.rows / 60);
    cv::rectangle(image, cv::Rect(0, top, image.cols, kerb), cv::Scalar(170, 172, 175), -1);
    cv::line(image, {0, top + kerb}, {image.cols, top + kerb}, cv::Scalar(90, 90, 92), std::max(1, kerb / 4));
    const int lines = rng.uniform(0, 5);
    for (int i = 0; i < lines; ++i) {  // parking-bay markings in perspective
        double x = rng.uniform(0.0, 1.0) * image.cols;
        double slant = rng.uniform(-1.5, 1.5);
        cv::line(image, {cvRound(x), top + kerb * 2}, {cvRound(x + slant * (image.rows - top)), image.rows},
                 cv::Scalar(215, 218, 220), std::max(2, image.rows / 120), cv::LINE_AA);
    }
}

}  // namespace

}  // namespace scene

extern "C" int CSceneRender_DrawBackground(CSceneRender_Frame *frame, const CSceneRender_Background *background,
                                           CSceneRender_Status *status) {
    using namespace scene;
    return guarded(status, [&] {
        require(frame && background, "frame and background must not be NULL");
        require(background->skyline >= 0 && background->skyline <= background->horizon && background->horizon <= 1,
                "background needs 0 <= skyline <= horizon <= 1");
        cv::Mat &image = frame->image;
        cv::RNG rng(background->seed ? background->seed : 1);
        const int skyline = cvRound(background->skyline * image.rows);
        const int horizon = cvRound(background->horizon * image.rows);
        const cv::Scalar sky = bgr(background->sky);
        verticalGradient(image, 0, skyline, sky, mix(sky, cv::Scalar::all(255), 0.45));
        drawFacade(image, rng, skyline, horizon, *background);
        drawRoad(image, rng, horizon, *background);

        const double strength = std::clamp(background->textureStrength, 0.0, 1.0);
        cv::Mat blotches = lowFrequencyNoise(rng, image.size(), std::max(8, image.cols / 40));
        cv::Mat grain(image.size(), CV_32F);
        rng.fill(grain, cv::RNG::NORMAL, 0, 1);
        for (int y = 0; y < image.rows; ++y) {
            const float *b = blotches.ptr<float>(y), *g = grain.ptr<float>(y);
            cv::Vec3b *p = image.ptr<cv::Vec3b>(y);
            for (int x = 0; x < image.cols; ++x) {
                double delta = strength * (9 * b[x] + 6 * g[x]);
                for (int c = 0; c < 3; ++c) p[x][c] = cv::saturate_cast<uchar>(p[x][c] + delta);
            }
        }
    });
}

extern "C" int CSceneRender_DrawSign(CSceneRender_Frame *frame, CSceneRender_Font *font, const CSceneRender_Sign *sign,
                                     CSceneRender_Status *status) {
    using namespace scene;
    return guarded(status, [&] {
        require(frame && font && sign && sign->text, "frame, font, sign and text must not be NULL");
        require(sign->width > 2 && sign->height > 2, "a sign must be larger than 2 x 2 pixels");
        cv::Mat &image = frame->image;
        cv::Rect2d box(sign->x, sign->y, sign->width, sign->height);
        cv::Rect pixels(cvRound(box.x), cvRound(box.y), cvRound(box.width), cvRound(box.height));
        cv::rectangle(image, pixels, bgr(sign->board), -1);
        cv::rectangle(image, pixels, shade(bgr(sign->board), 0.6), std::max(1, cvRound(box.height / 14)));
        drawTextFit(image, *font, sign->text, box, bgr(sign->ink));
    });
}
