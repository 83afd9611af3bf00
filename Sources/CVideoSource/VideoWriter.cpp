// Writing Motion-JPEG AVI files (test and benchmark videos from recorded drives).

#include "CVideoSource.h"
#include "Message.hpp"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

struct CVideoSource_Writer {
    cv::VideoWriter writer;
    cv::Size size;
};

extern "C" CVideoSource_Writer *CVideoSource_WriterOpen(const char *path, double fps, int width, int height,
                                                        char *message, size_t capacity) {
    if (path == nullptr || fps <= 0 || width <= 0 || height <= 0) {
        video_source::write(message, capacity, "a video needs a path, a positive frame rate and a size");
        return nullptr;
    }
    try {
        auto *writer = new CVideoSource_Writer();
        writer->size = cv::Size(width, height);
        if (!writer->writer.open(path, cv::CAP_OPENCV_MJPEG, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), fps,
                                 writer->size, true)) {
            delete writer;
            video_source::write(message, capacity, "%s: cannot be created as a Motion-JPEG AVI", path);
            return nullptr;
        }
        return writer;
    } catch (const std::exception &error) {
        video_source::write(message, capacity, "%s: %s", path, error.what());
    } catch (...) {
        video_source::write(message, capacity, "%s: unknown C++ exception", path);
    }
    return nullptr;
}

extern "C" int CVideoSource_WriterAppendImage(CVideoSource_Writer *writer, const char *imagePath, char *message,
                                              size_t capacity) {
    if (writer == nullptr || imagePath == nullptr) {
        video_source::write(message, capacity, "invalid argument");
        return -1;
    }
    try {
        cv::Mat image = cv::imread(imagePath, cv::IMREAD_COLOR);
        if (image.empty()) {
            video_source::write(message, capacity, "%s: not a readable JPEG or PNG", imagePath);
            return -1;
        }
        if (image.size() != writer->size) cv::resize(image, image, writer->size, 0, 0, cv::INTER_AREA);
        writer->writer.write(image);
        return 0;
    } catch (const std::exception &error) {
        video_source::write(message, capacity, "%s: %s", imagePath, error.what());
    } catch (...) {
        video_source::write(message, capacity, "%s: unknown C++ exception", imagePath);
    }
    return -1;
}

extern "C" void CVideoSource_WriterClose(CVideoSource_Writer *writer) {
    try {
        if (writer != nullptr) writer->writer.release();
        delete writer;
    } catch (...) {
    }
}
