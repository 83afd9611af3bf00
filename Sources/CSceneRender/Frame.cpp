// Frames: creation, size, encoding to files; decoding for checks.
#include "SceneRenderInternal.hpp"

#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <cctype>

namespace {

std::string lowercaseExtension(const std::string &path) {
    auto dot = path.find_last_of('.');
    auto slash = path.find_last_of('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
    std::string extension = path.substr(dot + 1);
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

}  // namespace

extern "C" int CSceneRender_FrameCreate(int width, int height, CSceneRender_Frame **out, CSceneRender_Status *status) {
    return scene::guarded(status, [&] {
        scene::require(out != nullptr, "output must not be NULL");
        *out = nullptr;
        scene::require(width >= 16 && height >= 16 && width <= 16384 && height <= 16384,
                       "frame size " + std::to_string(width) + "x" + std::to_string(height) +
                           " is outside 16...16384 pixels");
        auto frame = std::make_unique<CSceneRender_Frame>();
        frame->image = cv::Mat(height, width, CV_8UC3, cv::Scalar::all(128));
        *out = frame.release();
    });
}

extern "C" void CSceneRender_FrameFree(CSceneRender_Frame *frame) { delete frame; }

extern "C" int CSceneRender_FrameSize(const CSceneRender_Frame *frame, int *width, int *height,
                                      CSceneRender_Status *status) {
    return scene::guarded(status, [&] {
        scene::require(frame && width && height, "frame and outputs must not be NULL");
        *width = frame->image.cols;
        *height = frame->image.rows;
    });
}

extern "C" int CSceneRender_FrameSave(const CSceneRender_Frame *frame, const char *path, int jpegQuality,
                                      CSceneRender_Status *status) {
    return scene::guarded(status, [&] {
        scene::require(frame && path, "frame and path must not be NULL");
        std::string extension = lowercaseExtension(path);
        bool jpeg = extension == "jpg" || extension == "jpeg";
        scene::require(jpeg || extension == "png",
                       std::string("cannot write '") + path + "': the extension must be .jpg, .jpeg or .png");
        int quality = std::clamp(jpegQuality, 1, 100);
        bool written = false;
        try {
            if (jpeg) {
                written = cv::imwrite(path, frame->image, {cv::IMWRITE_JPEG_QUALITY, quality});
            } else {
                cv::Mat image = frame->image;
                if (jpegQuality > 0) {
                    std::vector<uchar> bytes;
                    cv::imencode(".jpg", frame->image, bytes, {cv::IMWRITE_JPEG_QUALITY, quality});
                    image = cv::imdecode(bytes, cv::IMREAD_COLOR);
                }
                written = cv::imwrite(path, image, {cv::IMWRITE_PNG_COMPRESSION, 3});
            }
        } catch (const cv::Exception &error) {
            throw scene::RenderError(CSceneRender_WriteError,
                                     std::string("cannot write image '") + path + "': " + error.msg);
        }
        if (!written)
            throw scene::RenderError(CSceneRender_WriteError,
                                     std::string("cannot write image '") + path +
                                         "' (missing directory or no permission?)");
    });
}

extern "C" int CSceneRender_ImageSize(const char *path, int *width, int *height, CSceneRender_Status *status) {
    return scene::guarded(status, [&] {
        scene::require(path && width && height, "path and outputs must not be NULL");
        cv::Mat image = cv::imread(path, cv::IMREAD_UNCHANGED);
        if (image.empty())
            throw scene::RenderError(CSceneRender_ReadError, std::string("cannot decode image '") + path + "'");
        *width = image.cols;
        *height = image.rows;
    });
}
