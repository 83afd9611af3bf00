// Small RGB copies of a frame, for showing evidence in a terminal (`parkscan review show`).

#include "Internal.hpp"

#include <opencv2/imgproc.hpp>

#include <cstring>

using namespace plate_vision;

extern "C" int CPlateVision_FrameThumbnailRGB(const CPlateVision_Frame *frame, int width, int height, uint8_t *rgb,
                                              CPlateVision_Status *status) {
    if (frame == nullptr || rgb == nullptr || width <= 0 || height <= 0 || width > 4096 || height > 4096) {
        setStatus(status, CPlateVision_ErrorInvalidArgument, "thumbnail: bad frame, buffer or size %dx%d", width, height);
        return -1;
    }
    return guarded(status, -1, [&]() -> int {
        cv::Mat scaled;
        areaDownscale(frame->bgr, scaled, cv::Size(width, height));
        cv::Mat out(height, width, CV_8UC3, rgb); // writes straight into the caller's buffer
        cv::cvtColor(scaled, out, cv::COLOR_BGR2RGB);
        setOK(status);
        return 0;
    });
}
