#include "VideoInput.hpp"

extern "C" {
#include <libavdevice/version_major.h>
}

#include <cctype>
#include <cerrno>
#include <cstring>
#include <dlfcn.h>
#include <new>
#include <unistd.h>

namespace video_source {

namespace {

bool isCameraIndex(const std::string &source) {
    if (source.empty() || source.size() > 3) return false;
    for (char c : source) if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

#define DEVICE_LIBRARY "libavdevice.so." AV_STRINGIFY(LIBAVDEVICE_VERSION_MAJOR)

/// V4L2 input, from libavdevice loaded on the first camera: linked, libavdevice would bring
/// libavfilter, SDL, PulseAudio, X11 and ~80 more libraries into every `watch` of files
/// and streams (16 MB resident). Never unloaded: FFmpeg keeps pointers into it.
const AVInputFormat *videoForLinux(std::string &why) {
    static std::string failure;
    static const AVInputFormat *format = []() -> const AVInputFormat * {
        void *library = dlopen(DEVICE_LIBRARY, RTLD_NOW | RTLD_LOCAL);
        if (library == nullptr) {
            const char *error = dlerror();
            failure = std::string("V4L2 cameras need FFmpeg's ") + DEVICE_LIBRARY
                      + " (Debian package libavdevice-dev): " + (error != nullptr ? error : "not loaded");
            return nullptr;
        }
        auto registerDevices = reinterpret_cast<void (*)()>(dlsym(library, "avdevice_register_all"));
        if (registerDevices == nullptr) {
            failure = DEVICE_LIBRARY " has no avdevice_register_all";
            return nullptr;
        }
        registerDevices();
        const AVInputFormat *found = av_find_input_format("video4linux2");
        if (found == nullptr) failure = "this FFmpeg's libavdevice has no V4L2 (video4linux2) input";
        return found;
    }();
    why = failure;
    return format;
}

/// What to tell a person who cannot open `source`, besides FFmpeg's reason.
std::string advice(SourceKind kind) {
    switch (kind) {
    case SourceKind::camera: return "is the device there, and not in use?";
    case SourceKind::stream: return "is the URL right, and the camera reachable?";
    case SourceKind::file: return "is it a video file?";
    }
    return "";
}

std::string failure(std::string source, const std::string &url, SourceKind kind, const char *doing, int code,
                    const Deadline &deadline) {
    if (url != source) source += " (" + url + ")";
    if (kind != SourceKind::file && deadline.passed()) {
        return source + ": no answer within " + std::to_string(networkTimeout.count()) + " s when " + doing + ": " + advice(kind);
    }
    return source + ": " + doing + " failed (" + errorText(code) + "): " + advice(kind);
}

} // namespace

SourceKind kindOf(const std::string &source) {
    if (source.rfind("/dev/", 0) == 0 || isCameraIndex(source)) return SourceKind::camera;
    if (source.find("://") != std::string::npos) return SourceKind::stream;
    return SourceKind::file;
}

Input openInput(const std::string &source, SourceKind kind, int width, int height, double fps, Deadline &deadline,
                std::string &why) {
    std::string url = isCameraIndex(source) ? "/dev/video" + source : source;
    const AVInputFormat *format = nullptr;
    AVDictionary *options = nullptr;
    switch (kind) {
    case SourceKind::file:
        // Checked first, so that a typo is named as such and not as a format problem.
        if (access(url.c_str(), R_OK) != 0) {
            why = source + ": no such video file (or not readable: " + strerror(errno) + ")";
            return nullptr;
        }
        break;
    case SourceKind::camera:
        format = videoForLinux(why);
        if (format == nullptr) {
            why = source + ": " + why;
            return nullptr;
        }
        if (width > 0 && height > 0) {
            av_dict_set(&options, "video_size", (std::to_string(width) + "x" + std::to_string(height)).c_str(), 0);
        }
        if (fps > 0) {
            char rate[32];
            snprintf(rate, sizeof rate, "%.6g", fps);
            av_dict_set(&options, "framerate", rate, 0);
        }
        break;
    case SourceKind::stream:
        // RTSP over TCP, as OpenCV did: no frames torn by lost UDP packets, and through NAT.
        av_dict_set(&options, "rtsp_transport", "tcp", 0);
        av_dict_set_int(&options, url.rfind("rtsp", 0) == 0 ? "timeout" : "rw_timeout",
                        std::chrono::microseconds(networkTimeout).count(), 0);
        break;
    }
    AVFormatContext *context = avformat_alloc_context();
    if (context == nullptr) {
        av_dict_free(&options);
        throw std::bad_alloc();
    }
    context->interrupt_callback = {&Deadline::interrupts, &deadline};
    bool live = kind != SourceKind::file;
    if (live) deadline.arm(networkTimeout);
    int result = avformat_open_input(&context, url.c_str(), format, &options); // frees context on failure
    av_dict_free(&options);
    if (result < 0) {
        why = failure(source, url, kind, kind == SourceKind::file ? "reading it as a video" : "opening it", result, deadline);
        return nullptr;
    }
    Input input(context);
    if (live) deadline.arm(networkTimeout);
    result = avformat_find_stream_info(context, nullptr);
    deadline.disarm();
    if (result < 0) {
        why = failure(source, url, kind, "reading its streams", result, deadline);
        return nullptr;
    }
    return input;
}

} // namespace video_source
