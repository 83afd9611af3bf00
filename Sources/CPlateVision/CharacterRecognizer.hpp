// Character recognition of a cleaned plate crop with Tesseract's LSTM engine.
#pragma once

#include "Internal.hpp"
#include "TesseractLibrary.hpp"

namespace plate_vision {

class CharacterRecognizer {
public:
    /// Loads the model; on failure `error` says why and `ready()` is false.
    CharacterRecognizer(const char *tessdataPath, const char *model, const char *whitelist, std::string &error);
    ~CharacterRecognizer();
    CharacterRecognizer(const CharacterRecognizer &) = delete;
    CharacterRecognizer &operator=(const CharacterRecognizer &) = delete;

    bool ready() const { return api_ != nullptr; }

    struct Symbol {
        CPlateVision_Symbol reading; // choices only; gapBefore is left to the caller
        int left, right;             // columns in the image read
    };

    /// Reads one line of characters (black on white).
    std::vector<Symbol> read(const cv::Mat &binary);

    /// Reads a short word (black on white) restricted to `characters`; empty if nothing legible.
    std::string readWord(const cv::Mat &binary, const char *characters);

private:
    const TesseractLibrary *tesseract_ = nullptr;
    TessBaseAPI *api_ = nullptr;
    std::string whitelist_;
};

/// The index of `text` among the choices of `symbol`, -1 when it is not one (ShapeCheck.cpp).
int choiceIndex(const CPlateVision_Symbol &symbol, const char *text);

/// Re-ranks D against O, 0 and Q by the shape of the character's left side (ShapeCheck.cpp).
void checkStems(const cv::Mat &binary, std::vector<CharacterRecognizer::Symbol> &symbols);

/// Re-ranks Q against O, 0 and D by the tail at its bottom right (ShapeCheck.cpp).
void checkTails(const cv::Mat &binary, std::vector<CharacterRecognizer::Symbol> &symbols);

} // namespace plate_vision
