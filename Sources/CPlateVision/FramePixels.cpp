// Frames from raw pixels (video decoders, cameras): no file, no encoded image in between.

#include "Internal.hpp"

using namespace plate_vision;

extern "C" CPlateVision_Frame *CPlateVision_FrameFromPixels(const uint8_t *bgr, int width, int height,
                                                            size_t rowBytes, CPlateVision_Status *status) {
    if (bgr == nullptr || width <= 0 || height <= 0 || rowBytes < size_t(width) * 3
        || int64_t(width) * height > int64_t(64) * 1024 * 1024) {
        setStatus(status, CPlateVision_ErrorInvalidArgument,
                  "pixel buffer of %d x %d with %zu bytes per row is not an 8-bit BGR image of at most 64 megapixels",
                  width, height, rowBytes);
        return nullptr;
    }
    try {
        cv::Mat view(height, width, CV_8UC3, const_cast<uint8_t *>(bgr), rowBytes);
        auto *frame = new CPlateVision_Frame();
        frame->bgr = view.clone();
        return frame;
    } catch (const std::exception &error) {
        setStatus(status, CPlateVision_ErrorInternal, "copying a %d x %d frame: %s", width, height, error.what());
    } catch (...) {
        setStatus(status, CPlateVision_ErrorInternal, "copying a %d x %d frame: unknown C++ exception", width, height);
    }
    return nullptr;
}
