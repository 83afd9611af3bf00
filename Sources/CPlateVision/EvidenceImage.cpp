// Evidence images for suspected violations: the overview frame with faces blurred, and the
// plate crop. Encoded to JPEG in memory, so that the caller can encrypt the bytes (pending
// sightings) or write and hash them (cases) without an unencrypted temporary file.

#include "Internal.hpp"

#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <algorithm>
#include <cstdlib>
#include <memory>

using namespace plate_vision;

namespace {

/// A classifier for one overview, freed with the integral images of its scale pyramid (one
/// buffer of ~31 MB for a 960x540 copy, mapped on its own and so given back: see HeapTrim in
/// PlateReading); one kept per thread kept it. Loading the XML costs ~50 ms per overview,
/// and overviews are rendered only for cases.
std::unique_ptr<cv::CascadeClassifier> faceClassifier(const char *cascadePath, CPlateVision_Status *status) {
    auto classifier = std::make_unique<cv::CascadeClassifier>();
    if (!classifier->load(cascadePath)) {
        setStatus(status, CPlateVision_ErrorFileUnreadable, "%s: cannot load the face cascade", cascadePath);
        return nullptr;
    }
    return classifier;
}

/// Pixelates every face the cascade finds (on a copy scaled to at most 960 px wide, for
/// speed); a found face is widened by 20 % so that its outline goes too.
bool blurFaces(cv::Mat &image, const char *cascadePath, int *faceCount, CPlateVision_Status *status) {
    std::unique_ptr<cv::CascadeClassifier> classifier = faceClassifier(cascadePath, status);
    if (!classifier) return false;
    double scale = image.cols > 960 ? 960.0 / image.cols : 1.0;
    cv::Mat grey, small;
    cv::cvtColor(image, grey, cv::COLOR_BGR2GRAY);
    cv::resize(grey, small, cv::Size(), scale, scale, cv::INTER_AREA);
    cv::equalizeHist(small, small);
    std::vector<cv::Rect> faces;
    classifier->detectMultiScale(small, faces, 1.1, 4, 0, cv::Size(20, 20));
    for (const cv::Rect &found : faces) {
        cv::Rect face(int(found.x / scale), int(found.y / scale), int(found.width / scale), int(found.height / scale));
        int growX = face.width / 5, growY = face.height / 5;
        face = cv::Rect(face.x - growX / 2, face.y - growY / 2, face.width + growX, face.height + growY)
            & cv::Rect(0, 0, image.cols, image.rows);
        if (face.empty()) continue;
        cv::Mat region = image(face);
        cv::Mat coarse;
        cv::resize(region, coarse, cv::Size(std::max(1, face.width / 12), std::max(1, face.height / 12)), 0, 0, cv::INTER_AREA);
        cv::resize(coarse, region, region.size(), 0, 0, cv::INTER_NEAREST);
    }
    *faceCount = int(faces.size());
    return true;
}

} // namespace

extern "C" int CPlateVision_EncodeEvidence(const CPlateVision_Frame *frame, int x, int y, int width, int height,
                                           int kind, const char *faceCascadePath, int jpegQuality,
                                           uint8_t **bytes, size_t *count, int *faceCount,
                                           CPlateVision_Status *status) {
    return guarded(status, -1, [&]() -> int {
        if (!frame || !bytes || !count || frame->bgr.empty()) {
            setStatus(status, CPlateVision_ErrorInvalidArgument, "no frame or no output");
            return -1;
        }
        *bytes = nullptr;
        *count = 0;
        int faces = 0;
        cv::Mat image;
        if (kind == CPlateVision_EvidencePlateCrop) {
            // The box with a margin of a quarter plate height, so the reviewer sees the stickers.
            int margin = std::max(4, height / 4);
            cv::Rect box = cv::Rect(x - margin, y - margin, width + 2 * margin, height + 2 * margin)
                & cv::Rect(0, 0, frame->bgr.cols, frame->bgr.rows);
            if (box.empty()) {
                setStatus(status, CPlateVision_ErrorInvalidArgument, "plate box %d,%d %dx%d is outside the frame", x, y, width, height);
                return -1;
            }
            image = frame->bgr(box).clone();
        } else {
            image = frame->bgr.clone();
            if (faceCascadePath && *faceCascadePath && !blurFaces(image, faceCascadePath, &faces, status)) return -1;
            if (width > 0 && height > 0) {
                cv::rectangle(image, cv::Rect(x, y, width, height), cv::Scalar(0, 200, 255), 2);
            }
        }
        std::string problem;
        if (!encodeBGRToJPEG(image, std::clamp(jpegQuality, 30, 100), *bytes, *count, problem)) {
            setStatus(status, CPlateVision_ErrorInternal, "JPEG encoding of the %dx%d evidence image failed: %s",
                      image.cols, image.rows, problem.c_str());
            return -1;
        }
        if (faceCount) *faceCount = faces;
        setOK(status);
        return 0;
    });
}

// The bytes come from malloc (libjpeg-turbo's jpeg_mem_dest, JPEGEncoding.cpp).
extern "C" void CPlateVision_EvidenceFree(uint8_t *bytes) { std::free(bytes); }
