// Camera degradations: illumination, shadow, blur, motion, low light, sensor noise.
#include "SceneRenderInternal.hpp"

#include <cmath>

extern "C" int CSceneRender_Degrade(CSceneRender_Frame *frame, const CSceneRender_Degradation *d,
                                    CSceneRender_Status *status) {
    using namespace scene;
    return guarded(status, [&] {
        require(frame && d, "frame and degradation must not be NULL");
        require(d->brightness > 0 && d->gamma > 0, "brightness and gamma must be positive");
        cv::Mat image;
        frame->image.convertTo(image, CV_32FC3, 1.0 / 255);
        const int rows = image.rows, cols = image.cols;

        // Uneven light and a soft-edged shadow, as one factor per pixel.
        const double ix = std::cos(d->illuminationAngle), iy = std::sin(d->illuminationAngle);
        const double span = std::abs(ix) * cols + std::abs(iy) * rows;
        const double start = std::min(0.0, ix * cols) + std::min(0.0, iy * rows);
        const double nx = -std::sin(d->shadowAngle), ny = std::cos(d->shadowAngle);
        const double softness = std::max(1.0, d->shadowSoftness);
        for (int y = 0; y < rows; ++y) {
            cv::Vec3f *p = image.ptr<cv::Vec3f>(y);
            for (int x = 0; x < cols; ++x) {
                double t = (ix * x + iy * y - start) / span;
                double factor = 1 - d->illuminationStrength * t;
                if (d->shadowStrength > 0) {
                    double s = ((x - d->shadowX) * nx + (y - d->shadowY) * ny) / softness + 0.5;
                    s = std::clamp(s, 0.0, 1.0);
                    factor *= 1 - d->shadowStrength * s * s * (3 - 2 * s);
                }
                p[x] *= static_cast<float>(factor);
            }
        }
        if (d->gaussianSigma > 0.05) cv::GaussianBlur(image, image, cv::Size(0, 0), d->gaussianSigma);
        if (d->motionLength >= 1.5) {
            int side = 2 * cvCeil(d->motionLength / 2) + 1;
            cv::Mat kernel(side, side, CV_32F, cv::Scalar(0));
            double half = d->motionLength / 2, c = (side - 1) / 2.0;
            cv::Point2d a(c - half * std::cos(d->motionAngle), c - half * std::sin(d->motionAngle));
            cv::Point2d b(c + half * std::cos(d->motionAngle), c + half * std::sin(d->motionAngle));
            cv::line(kernel, cv::Point(cvRound(a.x * 16), cvRound(a.y * 16)), cv::Point(cvRound(b.x * 16), cvRound(b.y * 16)),
                     cv::Scalar(1), 1, cv::LINE_AA, 4);
            kernel /= cv::sum(kernel)[0];
            cv::filter2D(image, image, -1, kernel, cv::Point(-1, -1), 0, cv::BORDER_REFLECT);
        }
        if (d->gamma != 1) cv::pow(cv::max(image, 0), d->gamma, image);
        if (d->brightness != 1) image *= d->brightness;
        if (d->noiseSigma > 0) {
            cv::RNG rng(d->seed ? d->seed : 1);
            cv::Mat noise(image.size(), CV_32FC3);
            rng.fill(noise, cv::RNG::NORMAL, 0, d->noiseSigma / 255);
            cv::Mat luminance(image.size(), CV_32F);
            rng.fill(luminance, cv::RNG::NORMAL, 0, d->noiseSigma / 255);
            cv::Mat luminance3;
            cv::merge(std::vector<cv::Mat>{luminance, luminance, luminance}, luminance3);
            image += 0.5 * noise + luminance3;
        }
        image.convertTo(frame->image, CV_8UC3, 255);
    });
}
