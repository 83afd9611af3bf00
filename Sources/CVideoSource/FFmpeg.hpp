// FFmpeg's objects owned in C++ (freed on every path out), its error codes as text, and
// opening a decoder.
#pragma once

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/frame.h>
}

#include <memory>
#include <string>

namespace video_source {

struct InputCloser {
    void operator()(AVFormatContext *context) const { avformat_close_input(&context); }
};
struct CodecFreer {
    void operator()(AVCodecContext *context) const { avcodec_free_context(&context); }
};
struct FrameFreer {
    void operator()(AVFrame *frame) const { av_frame_free(&frame); }
};
struct PacketFreer {
    void operator()(AVPacket *packet) const { av_packet_free(&packet); }
};

using Input = std::unique_ptr<AVFormatContext, InputCloser>;
using Codec = std::unique_ptr<AVCodecContext, CodecFreer>;
using Frame = std::unique_ptr<AVFrame, FrameFreer>;
using Packet = std::unique_ptr<AVPacket, PacketFreer>;

/// FFmpeg's own words for an error code ("Invalid data found when processing input").
std::string errorText(int code);

/// Only FFmpeg's errors on stderr, as OpenCV's FFmpeg backend had it: its warnings about
/// each stream's quirks would fill `watch`'s log.
void quietLogging();

/// A decoder for `codec` (with a stream's `parameters`, if any), opened on one thread: one
/// camera thread per source, the other cores read plates. Null and `why` when this FFmpeg
/// cannot decode it.
Codec openDecoder(AVCodecID codec, const AVCodecParameters *parameters, AVRational timeBase, std::string &why);

/// Frames and packets, or throws std::bad_alloc (turned into a message at the C ABI).
Frame newFrame();
Packet newPacket();

} // namespace video_source
