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
    /// `steps`, when given, receives the network's label probabilities for the line (see
    /// `Steps`), also where the reading is empty.
    struct Steps;
    std::vector<CharacterRecognizer::Symbol> read(const cv::Mat &grey, Steps *steps = nullptr);

    /// The label probabilities of a line: per time step one row of the model's labels (CTC's
    /// blank first, then the alphabet in LineModel.cpp).
    struct Steps {
        int count = 0;
        std::vector<float> probabilities;
        /// Log-probability that the line reads `text` (UTF-8 letters and digits), summed
        /// over every alignment (CTC's forward pass); -infinity for a character the model
        /// has no label for or a text longer than the line's steps allow.
        float logLikelihood(const std::string &text) const;
    };

private:
    cv::dnn::Net network_;
    bool ready_ = false;
};

} // namespace plate_vision
