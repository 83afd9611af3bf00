#include "FFmpeg.hpp"

#include <new>

namespace video_source {

std::string errorText(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {0};
    av_strerror(code, text, sizeof text);
    return text;
}

void quietLogging() {
    static const bool quiet = (av_log_set_level(AV_LOG_ERROR), true);
    (void)quiet;
}

Codec openDecoder(AVCodecID id, const AVCodecParameters *parameters, AVRational timeBase, std::string &why) {
    const AVCodec *codec = avcodec_find_decoder(id);
    if (codec == nullptr) {
        why = std::string("no decoder for its codec (") + avcodec_get_name(id) + ") in this FFmpeg";
        return nullptr;
    }
    Codec decoder(avcodec_alloc_context3(codec));
    if (!decoder) throw std::bad_alloc();
    int result = parameters != nullptr ? avcodec_parameters_to_context(decoder.get(), parameters) : 0;
    if (result >= 0) {
        decoder->pkt_timebase = timeBase;
        decoder->thread_count = 1;
        // The reader's own limit (CameraFrame.defaultPixelLimit): a damaged header must not
        // make us allocate gigabytes.
        decoder->max_pixels = 64 * 1024 * 1024;
        result = avcodec_open2(decoder.get(), codec, nullptr);
    }
    if (result < 0) {
        why = std::string("its ") + codec->name + " decoder cannot be opened: " + errorText(result);
        return nullptr;
    }
    return decoder;
}

Frame newFrame() {
    Frame frame(av_frame_alloc());
    if (!frame) throw std::bad_alloc();
    return frame;
}

Packet newPacket() {
    Packet packet(av_packet_alloc());
    if (!packet) throw std::bad_alloc();
    return packet;
}

} // namespace video_source
