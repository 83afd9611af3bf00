#include "Internal.hpp"

namespace plate_vision {

void setStatus(CPlateVision_Status *status, int code, const char *format, ...) {
    if (status == nullptr) return;
    status->code = code;
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(status->message, sizeof status->message, format, arguments);
    va_end(arguments);
}

cv::Rect TextLine::bounds() const {
    cv::Rect box = blobs.front().box;
    for (const auto &blob : blobs) box |= blob.box;
    return box;
}

int TextLine::characterCount() const {
    int count = 0;
    for (const auto &blob : blobs) count += blob.characters();
    return count;
}

} // namespace plate_vision
