// Reading cameras, streams and video files with FFmpeg: packets from libavformat, frames from
// libavcodec, BGR pixels from libswscale; or Motion-JPEG packets passed on undecoded.

#include "CVideoSource.h"
#include "FFmpeg.hpp"
#include "Message.hpp"
#include "PixelConversion.hpp"
#include "VideoInput.hpp"

#include <thread>

using namespace video_source;

struct CVideoSource_Capture {
    Deadline deadline; // before the input, whose interrupt callback points at it
    Input input;
    const AVStream *stream = nullptr;
    Codec decoder;
    Packet packet = newPacket();
    Frame frame = newFrame();
    PixelConversion bgr{SWS_BILINEAR};
    double fps = 0;
    bool live = false;
    /// JPEG pass-through: frames are the stream's packets, not decoded here.
    bool jpeg = false;
    /// A frame (or JPEG packet) was grabbed and can be retrieved.
    bool grabbed = false;
    /// Frames grabbed so far (positions where the stream has no timestamps).
    int64_t frames = 0;
    double lastMs = -1;
    /// Packets in a row the decoder refused as damaged (skipped, as OpenCV did).
    int damagedInARow = 0;
};

namespace {

/// Damaged packets in a row after which a stream counts as broken (2 s at 25 fps).
constexpr int maximumDamagedInARow = 50;

double nominalRate(const AVStream *stream) {
    AVRational rate = stream->avg_frame_rate.num > 0 && stream->avg_frame_rate.den > 0 ? stream->avg_frame_rate
                                                                                       : stream->r_frame_rate;
    double fps = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0;
    return fps < 1000 ? fps : 0;
}

/// A timestamp of the video stream in milliseconds from the stream's start (a file's first
/// frame is at 0, whatever its container's start time); without one, the frame's number
/// over the nominal rate.
double millisecondsOf(const CVideoSource_Capture &capture, int64_t timestamp) {
    if (timestamp == AV_NOPTS_VALUE) return capture.fps > 0 ? capture.frames * 1000.0 / capture.fps : 0;
    int64_t start = capture.stream->start_time != AV_NOPTS_VALUE ? capture.stream->start_time : 0;
    return double(timestamp - start) * av_q2d(capture.stream->time_base) * 1000;
}

/// The next packet of the video stream into `capture.packet`: 1, 0 at the end, -1 and `why`.
/// Empty packets are skipped (AVI's repeated frame; to a decoder, an empty packet would mean
/// the end). A file's packet cut short is refused: its frame would be partly grey. Live
/// sources wait at most networkTimeout for a video packet.
int readVideoPacket(CVideoSource_Capture &capture, std::string &why) {
    if (capture.live) capture.deadline.arm(networkTimeout);
    int result;
    for (;;) {
        av_packet_unref(capture.packet.get());
        result = av_read_frame(capture.input.get(), capture.packet.get());
        if (result == AVERROR(EAGAIN) && !capture.deadline.passed()) { // a stream with nothing yet
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            continue;
        }
        if (result < 0) break;
        if (capture.packet->stream_index == capture.stream->index && capture.packet->size > 0) break;
    }
    bool late = capture.deadline.passed();
    capture.deadline.disarm();
    if (result == AVERROR_EOF) return 0;
    if (result < 0) {
        why = capture.live && late
                  ? "no data for " + std::to_string(networkTimeout.count()) + " s: is the camera still there?"
                  : "reading frame " + std::to_string(capture.frames) + " failed (" + errorText(result) + ")";
        return -1;
    }
    if (!capture.live && (capture.packet->flags & AV_PKT_FLAG_CORRUPT)) {
        why = "frame " + std::to_string(capture.frames) + " is cut short: the file is truncated or damaged";
        return -1;
    }
    return 1;
}

/// Decodes the next frame into `capture.frame`. Decoders may hold frames back (H.264 with
/// reordering): packets go in until a frame comes out, and at the end of the input the
/// decoder is flushed for the frames it still holds. 1, 0 at the end, -1 and `why`.
int decodeNextFrame(CVideoSource_Capture &capture, std::string &why) {
    AVCodecContext *decoder = capture.decoder.get();
    for (;;) {
        int result = avcodec_receive_frame(decoder, capture.frame.get());
        if (result == 0) return 1;
        if (result == AVERROR_EOF) return 0;
        if (result != AVERROR(EAGAIN)) {
            why = "decoding frame " + std::to_string(capture.frames) + " failed (" + errorText(result) + ")";
            return -1;
        }
        int read = readVideoPacket(capture, why);
        if (read < 0) return -1;
        result = avcodec_send_packet(decoder, read == 1 ? capture.packet.get() : nullptr);
        av_packet_unref(capture.packet.get());
        // A damaged packet (a lost network packet in an H.264 stream, a bad frame in a file)
        // is skipped; only a run of them means the stream itself is broken.
        if (result == AVERROR_INVALIDDATA && ++capture.damagedInARow < maximumDamagedInARow) continue;
        if (result >= 0) capture.damagedInARow = 0;
        if (result < 0) {
            why = "decoding frame " + std::to_string(capture.frames) + " failed (" + errorText(result) + ")";
            return -1;
        }
    }
}

/// The next packet of the video stream as it is, its position from its timestamp, kept
/// increasing. 1, 0 at the end, -1 and `why`.
int takeNextJPEG(CVideoSource_Capture &capture, double &positionMs, std::string &why) {
    int read = readVideoPacket(capture, why);
    if (read <= 0) return read;
    int64_t timestamp = capture.packet->pts != AV_NOPTS_VALUE ? capture.packet->pts : capture.packet->dts;
    positionMs = millisecondsOf(capture, timestamp);
    if (capture.lastMs >= 0 && !(positionMs > capture.lastMs)) positionMs = capture.lastMs + 1000 / capture.fps;
    return 1;
}

} // namespace

extern "C" CVideoSource_Capture *CVideoSource_Open(const char *source, int width, int height, double fps,
                                                   char *message, size_t capacity) {
    if (source == nullptr || *source == 0) {
        write(message, capacity, "no video source given");
        return nullptr;
    }
    return guard(message, capacity, "opening a video source", (CVideoSource_Capture *)nullptr, [&]() -> CVideoSource_Capture * {
        quietLogging();
        std::unique_ptr<CVideoSource_Capture> capture(new CVideoSource_Capture());
        SourceKind kind = kindOf(source);
        std::string why;
        capture->input = openInput(source, kind, width, height, fps, capture->deadline, why);
        if (!capture->input) {
            write(message, capacity, "%s", why.c_str());
            return nullptr;
        }
        int index = av_find_best_stream(capture->input.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
        if (index < 0) {
            write(message, capacity, "%s: has no video stream", source);
            return nullptr;
        }
        capture->stream = capture->input->streams[index];
        const AVCodecParameters *parameters = capture->stream->codecpar;
        capture->decoder = openDecoder(parameters->codec_id, parameters, capture->stream->time_base, why);
        if (!capture->decoder) {
            write(message, capacity, "%s: %s", source, why.c_str());
            return nullptr;
        }
        capture->fps = nominalRate(capture->stream);
        capture->live = kind != SourceKind::file;
        return capture.release();
    });
}

extern "C" int CVideoSource_PassJPEG(CVideoSource_Capture *capture) {
    // Motion-JPEG packets are whole JPEG images. Only before the first grab (the decoder
    // would have frames of the stream's start), and with a nominal rate for the positions
    // of packets without timestamps.
    if (capture == nullptr || capture->frames > 0 || capture->fps <= 0) return 0;
    if (capture->stream->codecpar->codec_id != AV_CODEC_ID_MJPEG) return 0;
    capture->jpeg = true;
    return 1;
}

extern "C" int CVideoSource_Grab(CVideoSource_Capture *capture, double *positionMs, char *message, size_t capacity) {
    if (capture == nullptr) {
        write(message, capacity, "invalid argument");
        return -1;
    }
    return guard(message, capacity, "taking a frame", -1, [&] {
        capture->grabbed = false;
        std::string why;
        double position = 0;
        int result;
        if (capture->jpeg) {
            result = takeNextJPEG(*capture, position, why);
        } else {
            result = decodeNextFrame(*capture, why);
            if (result == 1) position = millisecondsOf(*capture, capture->frame->best_effort_timestamp);
        }
        if (result < 0) write(message, capacity, "%s", why.c_str());
        if (result != 1) return result;
        capture->grabbed = true;
        capture->frames += 1;
        capture->lastMs = position;
        if (positionMs != nullptr) *positionMs = position;
        return 1;
    });
}

extern "C" int CVideoSource_Retrieve(CVideoSource_Capture *capture, const uint8_t **bgr, int *width, int *height,
                                     size_t *rowBytes, char *message, size_t capacity) {
    if (capture == nullptr || bgr == nullptr || width == nullptr || height == nullptr || rowBytes == nullptr) {
        write(message, capacity, "invalid argument");
        return -1;
    }
    if (capture->jpeg) {
        write(message, capacity, "frames are passed on as JPEG (CVideoSource_RetrieveJPEG), not decoded");
        return -1;
    }
    if (!capture->grabbed) {
        write(message, capacity, "no frame taken to decode (CVideoSource_Grab first)");
        return -1;
    }
    return guard(message, capacity, "converting a frame", -1, [&] {
        const AVFrame *frame = capture->frame.get();
        std::string why;
        const AVFrame *pixels = capture->bgr.convert(frame, frame->width, frame->height, AV_PIX_FMT_BGR24, why);
        if (pixels == nullptr) {
            write(message, capacity, "%s", why.c_str());
            return -1;
        }
        *bgr = pixels->data[0];
        *width = pixels->width;
        *height = pixels->height;
        *rowBytes = size_t(pixels->linesize[0]);
        return 1;
    });
}

extern "C" int CVideoSource_RetrieveJPEG(CVideoSource_Capture *capture, const uint8_t **bytes, size_t *count,
                                         char *message, size_t capacity) {
    if (capture == nullptr || bytes == nullptr || count == nullptr || !capture->jpeg) {
        write(message, capacity, capture != nullptr && !capture->jpeg
                                     ? "frames are decoded, not passed on as JPEG (CVideoSource_PassJPEG)"
                                     : "invalid argument");
        return -1;
    }
    if (!capture->grabbed) {
        write(message, capacity, "no frame taken (CVideoSource_Grab first)");
        return -1;
    }
    const AVPacket *packet = capture->packet.get();
    if (packet->size < 4 || packet->data[0] != 0xFF || packet->data[1] != 0xD8) {
        write(message, capacity, "a Motion-JPEG packet of %d bytes that is not a JPEG image", packet->size);
        return -1;
    }
    *bytes = packet->data;
    *count = size_t(packet->size);
    return 1;
}

extern "C" int CVideoSource_Read(CVideoSource_Capture *capture, const uint8_t **bgr, int *width, int *height,
                                 size_t *rowBytes, double *positionMs, char *message, size_t capacity) {
    int grabbed = CVideoSource_Grab(capture, positionMs, message, capacity);
    if (grabbed <= 0) return grabbed;
    return CVideoSource_Retrieve(capture, bgr, width, height, rowBytes, message, capacity);
}

extern "C" double CVideoSource_FramesPerSecond(CVideoSource_Capture *capture) {
    return capture != nullptr ? capture->fps : 0;
}

extern "C" int64_t CVideoSource_FrameCount(CVideoSource_Capture *capture) {
    if (capture == nullptr || capture->live) return -1;
    return capture->stream->nb_frames > 0 ? capture->stream->nb_frames : -1;
}

extern "C" void CVideoSource_Close(CVideoSource_Capture *capture) {
    delete capture;
}
