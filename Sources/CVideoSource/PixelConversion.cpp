#include "PixelConversion.hpp"

extern "C" {
#include <libavutil/pixdesc.h>
}

namespace video_source {

namespace {

/// Motion-JPEG decodes to libswscale's "JPEG" formats and its encoder wants them: the plain
/// formats in full range. libswscale takes the plain format and the range apart (and warns
/// about the others).
AVPixelFormat plainFormat(AVPixelFormat format, bool &fullRange) {
    switch (format) {
    case AV_PIX_FMT_YUVJ420P: fullRange = true; return AV_PIX_FMT_YUV420P;
    case AV_PIX_FMT_YUVJ422P: fullRange = true; return AV_PIX_FMT_YUV422P;
    case AV_PIX_FMT_YUVJ444P: fullRange = true; return AV_PIX_FMT_YUV444P;
    case AV_PIX_FMT_YUVJ440P: fullRange = true; return AV_PIX_FMT_YUV440P;
    case AV_PIX_FMT_YUVJ411P: fullRange = true; return AV_PIX_FMT_YUV411P;
    default: return format;
    }
}

} // namespace

bool PixelConversion::Shape::operator==(const Shape &other) const {
    return sourceWidth == other.sourceWidth && sourceHeight == other.sourceHeight && sourceFormat == other.sourceFormat
           && sourceSpace == other.sourceSpace && sourceRange == other.sourceRange && width == other.width
           && height == other.height && format == other.format;
}

AVFrame *PixelConversion::convert(const AVFrame *source, int width, int height, AVPixelFormat format, std::string &why) {
    Shape wanted{source->width, source->height, source->format, source->colorspace, source->color_range, width, height, format};
    if (!(wanted == shape) && !prepare(wanted, why)) return nullptr;
    // The writer's encoder may still hold the previous frame: then this takes a new buffer.
    int result = av_frame_make_writable(output.get());
    if (result >= 0) {
        result = sws_scale(scaler, source->data, source->linesize, 0, source->height, output->data, output->linesize);
    }
    if (result < 0) {
        why = "converting a frame to " + std::string(av_get_pix_fmt_name(format)) + ": " + errorText(result);
        return nullptr;
    }
    return output.get();
}

bool PixelConversion::prepare(const Shape &wanted, std::string &why) {
    shape = Shape();
    sws_freeContext(scaler);
    bool sourceFull = wanted.sourceRange == AVCOL_RANGE_JPEG, outputFull = false;
    AVPixelFormat sourceFormat = plainFormat(AVPixelFormat(wanted.sourceFormat), sourceFull);
    AVPixelFormat outputFormat = plainFormat(AVPixelFormat(wanted.format), outputFull);
    scaler = sws_getContext(wanted.sourceWidth, wanted.sourceHeight, sourceFormat, wanted.width, wanted.height,
                            outputFormat, flags, nullptr, nullptr, nullptr);
    if (scaler == nullptr) {
        const char *name = av_get_pix_fmt_name(AVPixelFormat(wanted.sourceFormat));
        why = std::string("cannot convert ") + (name ? name : "unknown") + " pixels of " + std::to_string(wanted.sourceWidth)
              + "x" + std::to_string(wanted.sourceHeight) + " to " + av_get_pix_fmt_name(AVPixelFormat(wanted.format));
        return false;
    }
    // The stream's own colour matrix (BT.709 for HD H.264; BT.601 when it does not say);
    // RGB on either side is full range, which libswscale knows.
    sws_setColorspaceDetails(scaler, sws_getCoefficients(wanted.sourceSpace), sourceFull,
                             sws_getCoefficients(SWS_CS_DEFAULT), outputFull, 0, 1 << 16, 1 << 16);
    output = newFrame();
    output->width = wanted.width;
    output->height = wanted.height;
    output->format = wanted.format;
    int result = av_frame_get_buffer(output.get(), 32);
    if (result < 0) {
        why = "no memory for a " + std::to_string(wanted.width) + "x" + std::to_string(wanted.height) + " frame";
        return false;
    }
    shape = wanted;
    return true;
}

} // namespace video_source
