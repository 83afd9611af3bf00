// The line model: a small convolutional network that reads a whole cleaned plate line as a
// sequence (trained with CTC by scripts/train-line-model.py, run by OpenCV's dnn module).
// Where blur has joined characters into one column it still reads them as two, which
// Tesseract and the one-character-per-column glyph model do not. Trained on the plate font
// only, it abstains on lines it reads unsurely (other fonts, junk).
#pragma once

#include "CharacterRecognizer.hpp"

#include <opencv2/dnn.hpp>

#include <string>
#include <vector>

namespace plate_vision {

class LineModel {
public:
    /// Loads the ONNX model at `path`. On failure `error` says why and `ready()` is false.
    LineModel(const std::string &path, std::string &error);

    bool ready() const { return ready_; }

    /// Reads `grey` (a cleaned line, ink dark on light paper): one symbol per character, with
    /// up to CPlateVision_MaxChoices choices each and its columns in `grey`. Empty when the
    /// line reads as nothing or its characters are read at a mean probability below the model's
    /// bar (a font or a line it does not know).
    std::vector<CharacterRecognizer::Symbol> read(const cv::Mat &grey);

private:
    cv::dnn::Net network_;
    bool ready_ = false;
};

} // namespace plate_vision
