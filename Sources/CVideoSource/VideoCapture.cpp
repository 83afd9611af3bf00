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
};

namespace {

bool isCameraIndex(const std::string &source) {
    if (source.empty() || source.size() > 3) return false;
    for (char c : source) if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
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

extern "C" int CVideoSource_Read(CVideoSource_Capture *capture, const uint8_t **bgr, int *width, int *height,
                                 size_t *rowBytes, double *positionMs, char *message, size_t capacity) {
    if (capture == nullptr || bgr == nullptr || width == nullptr || height == nullptr || rowBytes == nullptr) {
        video_source::write(message, capacity, "invalid argument");
        return -1;
    }
    try {
        if (!capture->capture.read(capture->frame) || capture->frame.empty()) return 0;
        if (capture->frame.type() != CV_8UC3) {
            video_source::write(message, capacity, "decoded frame is not 8-bit colour (OpenCV type %d)",
                                capture->frame.type());
            return -1;
        }
        *bgr = capture->frame.data;
        *width = capture->frame.cols;
        *height = capture->frame.rows;
        *rowBytes = capture->frame.step[0];
        if (positionMs != nullptr) *positionMs = capture->capture.get(cv::CAP_PROP_POS_MSEC);
        return 1;
    } catch (const std::exception &error) {
        video_source::write(message, capacity, "reading a frame: %s", error.what());
    } catch (...) {
        video_source::write(message, capacity, "reading a frame: unknown C++ exception");
    }
    return -1;
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
