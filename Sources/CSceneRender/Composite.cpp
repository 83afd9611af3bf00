// Perspective mapping of a drawn layer into the frame, with alpha blending.
#include "SceneRenderInternal.hpp"

#include <cmath>

namespace scene {

void composite(cv::Mat &frame, const cv::Mat &color, const cv::Mat &alpha, const cv::Matx33d &toFrame) {
    // Continuous frame coordinates -> frame pixel-index coordinates.
    const cv::Matx33d toIndex = cv::Matx33d(1, 0, -0.5, 0, 1, -0.5, 0, 0, 1) * toFrame;
    std::vector<cv::Point2d> corners{{-0.5, -0.5},
                                     {color.cols - 0.5, -0.5},
                                     {color.cols - 0.5, color.rows - 0.5},
                                     {-0.5, color.rows - 0.5}},
        mapped;
    for (const auto &c : corners) {
        cv::Vec3d p = toIndex * cv::Vec3d(c.x, c.y, 1);
        require(p[2] > 1e-9, "a layer is (partly) behind the camera");
        mapped.emplace_back(p[0] / p[2], p[1] / p[2]);
    }
    double minX = mapped[0].x, maxX = minX, minY = mapped[0].y, maxY = minY;
    for (const auto &p : mapped) {
        minX = std::min(minX, p.x), maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y), maxY = std::max(maxY, p.y);
    }
    cv::Rect roi(cv::Point(static_cast<int>(std::floor(minX)) - 1, static_cast<int>(std::floor(minY)) - 1),
                 cv::Point(static_cast<int>(std::ceil(maxX)) + 2, static_cast<int>(std::ceil(maxY)) + 2));
    roi &= cv::Rect(0, 0, frame.cols, frame.rows);
    if (roi.empty()) return;

    const cv::Matx33d toRoi = cv::Matx33d(1, 0, -roi.x, 0, 1, -roi.y, 0, 0, 1) * toIndex;
    cv::Mat warpedColor, warpedAlpha;
    cv::warpPerspective(color, warpedColor, toRoi, roi.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    cv::warpPerspective(alpha, warpedAlpha, toRoi, roi.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(0));
    cv::Mat target = frame(roi);
    for (int y = 0; y < roi.height; ++y) {
        const uchar *a = warpedAlpha.ptr<uchar>(y);
        const cv::Vec3b *c = warpedColor.ptr<cv::Vec3b>(y);
        cv::Vec3b *p = target.ptr<cv::Vec3b>(y);
        for (int x = 0; x < roi.width; ++x) {
            if (a[x] == 0) continue;
            const int t = a[x], u = 255 - t;
            for (int k = 0; k < 3; ++k) p[x][k] = static_cast<uchar>((p[x][k] * u + c[x][k] * t + 127) / 255);
        }
    }
}

}  // namespace scene
