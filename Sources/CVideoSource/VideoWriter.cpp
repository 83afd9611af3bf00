// Writing Motion-JPEG AVI files from image files (test and benchmark videos from recorded
// drives): libavformat's AVI muxer, libavcodec's JPEG encoder.

#include "CVideoSource.h"
#include "FFmpeg.hpp"
#include "ImageFile.hpp"
#include "Message.hpp"
#include "PixelConversion.hpp"

#include <string>

using namespace video_source;

namespace {

struct OutputCloser {
    void operator()(AVFormatContext *context) const {
        avio_closep(&context->pb);
        avformat_free_context(context);
    }
};
using Output = std::unique_ptr<AVFormatContext, OutputCloser>;

/// JPEG quantiser scale (FFmpeg's -q:v; 2, the finest by default, to 31): about JPEG quality
/// 94, as OpenCV's writer had it (95), finer than the drives' own frames (85).
constexpr int jpegQuality = 2;

} // namespace

struct CVideoSource_Writer {
    std::string path;
    Output output;
    Codec encoder;
    AVStream *stream = nullptr;
    Packet packet = newPacket();
    PixelConversion yuv{SWS_AREA};
    int64_t frames = 0;
    bool headerWritten = false;
};

namespace {

/// Writes the packets the encoder has ready: 0, or an FFmpeg error code.
int writeEncoded(CVideoSource_Writer &writer) {
    for (;;) {
        int result = avcodec_receive_packet(writer.encoder.get(), writer.packet.get());
        if (result == AVERROR(EAGAIN) || result == AVERROR_EOF) return 0;
        if (result < 0) return result;
        av_packet_rescale_ts(writer.packet.get(), writer.encoder->time_base, writer.stream->time_base);
        writer.packet->stream_index = writer.stream->index;
        result = av_interleaved_write_frame(writer.output.get(), writer.packet.get());
        if (result < 0) return result;
    }
}

/// Opens the encoder, the stream and the file. Empty, or what failed.
std::string open(CVideoSource_Writer &writer, double fps, int width, int height) {
    AVFormatContext *context = nullptr;
    int result = avformat_alloc_output_context2(&context, nullptr, "avi", writer.path.c_str());
    if (result < 0) return "FFmpeg has no AVI muxer (" + errorText(result) + ")";
    writer.output.reset(context);
    const AVCodec *codec = avcodec_find_encoder(AV_CODEC_ID_MJPEG);
    if (codec == nullptr) return "FFmpeg has no Motion-JPEG encoder";
    writer.encoder.reset(avcodec_alloc_context3(codec));
    if (!writer.encoder) throw std::bad_alloc();
    // The exact rate as a fraction (25/1, 30000/1001): the AVI header keeps it as rate/scale.
    AVRational rate = av_d2q(fps, 1001000);
    AVCodecContext *encoder = writer.encoder.get();
    encoder->width = width;
    encoder->height = height;
    encoder->pix_fmt = AV_PIX_FMT_YUVJ420P;
    encoder->color_range = AVCOL_RANGE_JPEG;
    encoder->time_base = av_inv_q(rate);
    encoder->framerate = rate;
    encoder->flags |= AV_CODEC_FLAG_QSCALE;
    encoder->global_quality = FF_QP2LAMBDA * jpegQuality;
    result = avcodec_open2(encoder, codec, nullptr);
    if (result < 0) return "the Motion-JPEG encoder refused " + std::to_string(width) + "x" + std::to_string(height) + " (" + errorText(result) + ")";
    writer.stream = avformat_new_stream(context, nullptr);
    if (writer.stream == nullptr) throw std::bad_alloc();
    result = avcodec_parameters_from_context(writer.stream->codecpar, encoder);
    if (result < 0) return errorText(result);
    writer.stream->time_base = encoder->time_base;
    writer.stream->avg_frame_rate = rate;
    result = avio_open(&context->pb, writer.path.c_str(), AVIO_FLAG_WRITE);
    if (result < 0) return "cannot be created (" + errorText(result) + ")";
    result = avformat_write_header(context, nullptr);
    if (result < 0) return "writing the AVI header failed (" + errorText(result) + ")";
    writer.headerWritten = true;
    return "";
}

} // namespace

extern "C" CVideoSource_Writer *CVideoSource_WriterOpen(const char *path, double fps, int width, int height,
                                                        char *message, size_t capacity) {
    if (path == nullptr || !(fps > 0 && fps < 1000) || width <= 0 || height <= 0) {
        write(message, capacity, "a video needs a path, a frame rate between 0 and 1000 and a size");
        return nullptr;
    }
    return guard(message, capacity, path, (CVideoSource_Writer *)nullptr, [&]() -> CVideoSource_Writer * {
        quietLogging();
        std::unique_ptr<CVideoSource_Writer> writer(new CVideoSource_Writer());
        writer->path = path;
        std::string failure = open(*writer, fps, width, height);
        if (!failure.empty()) {
            write(message, capacity, "%s: %s", path, failure.c_str());
            return nullptr;
        }
        return writer.release();
    });
}

extern "C" int CVideoSource_WriterAppendImage(CVideoSource_Writer *writer, const char *imagePath, char *message,
                                              size_t capacity) {
    if (writer == nullptr || imagePath == nullptr) {
        write(message, capacity, "invalid argument");
        return -1;
    }
    return guard(message, capacity, imagePath, -1, [&] {
        std::string why;
        Frame image = decodeImageFile(imagePath, why);
        AVFrame *frame = image ? writer->yuv.convert(image.get(), writer->encoder->width, writer->encoder->height,
                                                     AV_PIX_FMT_YUVJ420P, why)
                               : nullptr;
        if (frame == nullptr) {
            write(message, capacity, "%s", why.c_str());
            return -1;
        }
        frame->pts = writer->frames;
        frame->quality = writer->encoder->global_quality;
        int result = avcodec_send_frame(writer->encoder.get(), frame);
        if (result >= 0) result = writeEncoded(*writer);
        if (result < 0) {
            write(message, capacity, "%s: writing the frame of %s failed (%s)", writer->path.c_str(), imagePath,
                  errorText(result).c_str());
            return -1;
        }
        writer->frames += 1;
        return 0;
    });
}

extern "C" void CVideoSource_WriterClose(CVideoSource_Writer *writer) {
    if (writer == nullptr) return;
    guard(nullptr, 0, "closing", 0, [&] {
        // The encoder holds nothing back (every frame is a JPEG), but is flushed all the same.
        if (avcodec_send_frame(writer->encoder.get(), nullptr) >= 0) writeEncoded(*writer);
        // The trailer writes the index and the frame count into the header.
        if (writer->headerWritten) av_write_trailer(writer->output.get());
        return 0;
    });
    delete writer;
}
