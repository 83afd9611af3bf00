// Decoded frames to another pixel format and size (libswscale): the camera's frames to BGR,
// image files to the video writer's size and YUV.
#pragma once

#include "FFmpeg.hpp"

extern "C" {
#include <libswscale/swscale.h>
}

namespace video_source {

/// One scaler and one output frame, kept from frame to frame: a camera's frames all have the
/// same size and format, so both are made again only when that changes.
class PixelConversion {
public:
    explicit PixelConversion(int flags) : flags(flags) {}
    ~PixelConversion() { sws_freeContext(scaler); }
    PixelConversion(const PixelConversion &) = delete;
    PixelConversion &operator=(const PixelConversion &) = delete;

    /// `source` as `width` x `height` pixels of `format`, in the output frame (valid until
    /// the next call). Null and `why` when libswscale cannot convert it.
    AVFrame *convert(const AVFrame *source, int width, int height, AVPixelFormat format, std::string &why);

private:
    struct Shape {
        int sourceWidth = 0, sourceHeight = 0, sourceFormat = -1, sourceSpace = -1, sourceRange = -1;
        int width = 0, height = 0, format = -1;
        bool operator==(const Shape &other) const;
    };
    bool prepare(const Shape &shape, std::string &why);

    const int flags;
    SwsContext *scaler = nullptr;
    Shape shape;
    Frame output;
};

} // namespace video_source
