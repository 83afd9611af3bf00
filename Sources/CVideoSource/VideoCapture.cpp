// Reading cameras, streams and video files through OpenCV's VideoCapture.

#include "CVideoSource.h"
#include "Message.hpp"

#include <opencv2/core.hpp>
#include <opencv2/videoio.hpp>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <unistd.h>
#include <string>

struct CVideoSource_Capture {
    cv::VideoCapture capture;
    cv::Mat frame;
    bool live = false;
    /// JPEG pass-through: frames are the stream's packets, positions from frame numbers.
    bool jpeg = false;
    double fps = 0;
};

namespace {

bool isCameraIndex(const std::string &source) {
    if (source.empty() || source.size() > 3) return false;
    for (char c : source) if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

bool isMotionJPEG(int fourcc) {
    char code[5] = {char(fourcc & 255), char((fourcc >> 8) & 255), char((fourcc >> 16) & 255), char((fourcc >> 24) & 255), 0};
    for (char &c : code) c = char(std::toupper(static_cast<unsigned char>(c)));
    return std::strcmp(code, "MJPG") == 0 || std::strcmp(code, "JPEG") == 0;
}

} // namespace

extern "C" CVideoSource_Capture *CVideoSource_Open(const char *source, int width, int height, double fps,
                                                   char *message, size_t capacity) {
    if (source == nullptr || *source == 0) {
        video_source::write(message, capacity, "no video source given");
        return nullptr;
    }
    std::string name(source);
    bool device = name.rfind("/dev/video", 0) == 0 || isCameraIndex(name);
    bool stream = name.find("://") != std::string::npos;
    if (!device && !stream && access(source, R_OK) != 0) {
        // Checked here: OpenCV would try every backend and print their complaints.
        video_source::write(message, capacity, "%s: no such video file (or not readable: %s)", source, strerror(errno));
        return nullptr;
    }
    try {
        auto *capture = new CVideoSource_Capture();
        bool opened = device ? (isCameraIndex(name) ? capture->capture.open(std::stoi(name), cv::CAP_V4L2)
                                                    : capture->capture.open(name, cv::CAP_V4L2))
                             : capture->capture.open(name, cv::CAP_FFMPEG) || capture->capture.open(name, cv::CAP_ANY);
        if (!opened || !capture->capture.isOpened()) {
            delete capture;
            video_source::write(message, capacity, "%s: cannot be opened as a %s", source,
                                device ? "V4L2 camera (is the device there, and not in use?)"
                                : stream ? "video stream (is the URL right, and the camera reachable?)"
                                         : "video file (missing, or a format FFmpeg cannot read)");
            return nullptr;
        }
        capture->live = device || stream;
        if (device) {
            if (width > 0) capture->capture.set(cv::CAP_PROP_FRAME_WIDTH, width);
            if (height > 0) capture->capture.set(cv::CAP_PROP_FRAME_HEIGHT, height);
            if (fps > 0) capture->capture.set(cv::CAP_PROP_FPS, fps);
        }
        // Live sources: keep the driver's queue short, we want the newest frame, not a backlog.
        if (capture->live) capture->capture.set(cv::CAP_PROP_BUFFERSIZE, 1);
        return capture;
    } catch (const std::exception &error) {
        video_source::write(message, capacity, "%s: OpenCV failed opening it: %s", source, error.what());
    } catch (...) {
        video_source::write(message, capacity, "%s: OpenCV failed opening it (unknown C++ exception)", source);
    }
    return nullptr;
}

extern "C" int CVideoSource_PassJPEG(CVideoSource_Capture *capture) {
    if (capture == nullptr) return 0;
    try {
        // Raw packets are whole JPEG images only for Motion-JPEG, and only the FFmpeg backend
        // hands them out (CAP_PROP_FORMAT -1). It then leaves the position at 0, so positions
        // come from the frame number and the nominal rate.
        if (capture->capture.getBackendName() != "FFMPEG") return 0;
        if (!isMotionJPEG(int(capture->capture.get(cv::CAP_PROP_FOURCC)))) return 0;
        double fps = capture->capture.get(cv::CAP_PROP_FPS);
        if (!(fps > 0 && fps < 1000)) return 0;
        if (!capture->capture.set(cv::CAP_PROP_FORMAT, -1)) return 0;
        capture->jpeg = true;
        capture->fps = fps;
        return 1;
    } catch (...) {
        return 0;
    }
}

extern "C" int CVideoSource_Grab(CVideoSource_Capture *capture, double *positionMs, char *message, size_t capacity) {
    if (capture == nullptr) {
        video_source::write(message, capacity, "invalid argument");
        return -1;
    }
    try {
        if (!capture->capture.grab()) return 0;
        if (positionMs != nullptr) {
            *positionMs = capture->jpeg ? (capture->capture.get(cv::CAP_PROP_POS_FRAMES) - 1) * 1000 / capture->fps
                                        : capture->capture.get(cv::CAP_PROP_POS_MSEC);
        }
        return 1;
    } catch (const std::exception &error) {
        video_source::write(message, capacity, "taking a frame: %s", error.what());
    } catch (...) {
        video_source::write(message, capacity, "taking a frame: unknown C++ exception");
    }
    return -1;
}

extern "C" int CVideoSource_Retrieve(CVideoSource_Capture *capture, const uint8_t **bgr, int *width, int *height,
                                     size_t *rowBytes, char *message, size_t capacity) {
    if (capture == nullptr || bgr == nullptr || width == nullptr || height == nullptr || rowBytes == nullptr) {
        video_source::write(message, capacity, "invalid argument");
        return -1;
    }
    if (capture->jpeg) {
        video_source::write(message, capacity, "frames are passed on as JPEG (CVideoSource_RetrieveJPEG), not decoded");
        return -1;
    }
    try {
        if (!capture->capture.retrieve(capture->frame) || capture->frame.empty()) {
            video_source::write(message, capacity, "the frame taken could not be decoded");
            return -1;
        }
        if (capture->frame.type() != CV_8UC3) {
            video_source::write(message, capacity, "decoded frame is not 8-bit colour (OpenCV type %d)",
                                capture->frame.type());
            return -1;
        }
        *bgr = capture->frame.data;
        *width = capture->frame.cols;
        *height = capture->frame.rows;
        *rowBytes = capture->frame.step[0];
        return 1;
    } catch (const std::exception &error) {
        video_source::write(message, capacity, "decoding a frame: %s", error.what());
    } catch (...) {
        video_source::write(message, capacity, "decoding a frame: unknown C++ exception");
    }
    return -1;
}

extern "C" int CVideoSource_RetrieveJPEG(CVideoSource_Capture *capture, const uint8_t **bytes, size_t *count,
                                         char *message, size_t capacity) {
    if (capture == nullptr || bytes == nullptr || count == nullptr || !capture->jpeg) {
        video_source::write(message, capacity, capture != nullptr && !capture->jpeg
                                                   ? "frames are decoded, not passed on as JPEG (CVideoSource_PassJPEG)"
                                                   : "invalid argument");
        return -1;
    }
    try {
        if (!capture->capture.retrieve(capture->frame) || capture->frame.empty()) {
            video_source::write(message, capacity, "the frame taken has no data");
            return -1;
        }
        const cv::Mat &packet = capture->frame;
        size_t size = packet.total() * packet.elemSize();
        if (!packet.isContinuous() || size < 4 || packet.data[0] != 0xFF || packet.data[1] != 0xD8) {
            video_source::write(message, capacity, "a Motion-JPEG packet of %zu bytes that is not a JPEG image", size);
            return -1;
        }
        *bytes = packet.data;
        *count = size;
        return 1;
    } catch (const std::exception &error) {
        video_source::write(message, capacity, "taking a frame's JPEG: %s", error.what());
    } catch (...) {
        video_source::write(message, capacity, "taking a frame's JPEG: unknown C++ exception");
    }
    return -1;
}

extern "C" int CVideoSource_Read(CVideoSource_Capture *capture, const uint8_t **bgr, int *width, int *height,
                                 size_t *rowBytes, double *positionMs, char *message, size_t capacity) {
    int grabbed = CVideoSource_Grab(capture, positionMs, message, capacity);
    if (grabbed <= 0) return grabbed;
    return CVideoSource_Retrieve(capture, bgr, width, height, rowBytes, message, capacity);
}

extern "C" double CVideoSource_FramesPerSecond(CVideoSource_Capture *capture) {
    if (capture == nullptr) return 0;
    try {
        double fps = capture->capture.get(cv::CAP_PROP_FPS);
        return fps > 0 && fps < 1000 ? fps : 0;
    } catch (...) {
        return 0;
    }
}

extern "C" int64_t CVideoSource_FrameCount(CVideoSource_Capture *capture) {
    if (capture == nullptr || capture->live) return -1;
    try {
        double count = capture->capture.get(cv::CAP_PROP_FRAME_COUNT);
        return count > 0 ? int64_t(count) : -1;
    } catch (...) {
        return -1;
    }
}

extern "C" void CVideoSource_Close(CVideoSource_Capture *capture) {
    try {
        delete capture;
    } catch (...) {
    }
}
