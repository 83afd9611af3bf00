#include "CharacterRecognizer.hpp"

#include <algorithm>
#include <cstring>

namespace plate_vision {

CharacterRecognizer::CharacterRecognizer(const char *tessdataPath, const char *model, const char *whitelist,
                                         std::string &error) {
    tesseract_ = TesseractLibrary::shared(error);
    if (tesseract_ == nullptr) return;
    api_ = tesseract_->TessBaseAPICreate();
    // Dictionaries only hurt on plates; they can be switched off only while initialising.
    // tessedit_ambigs_training at init skips loading the legacy engine's ambiguity tables,
    // which the LSTM never uses (0.1 s of CPU per model at start-up; the same readings on the
    // 260 benchmark images). It must be off again before recognising: Recognize() would
    // otherwise run the ambiguity-training mode.
    const char *names[] = {"load_system_dawg", "load_freq_dawg", "load_punc_dawg", "load_number_dawg",
                           "load_unambig_dawg", "load_bigram_dawg", "tessedit_ambigs_training"};
    const char *values[] = {"0", "0", "0", "0", "0", "0", "1"};
    const size_t variableCount = sizeof names / sizeof names[0];
    int failed = tesseract_->TessBaseAPIInit4(api_, tessdataPath, model ? model : "eng", tesseract::OEM_LSTM_ONLY, nullptr, 0,
                                              const_cast<char **>(names), const_cast<char **>(values),
                                              variableCount, 0);
    if (failed) {
        error = std::string("cannot load the Tesseract model '") + (model ? model : "eng") + "' from " +
                (tessdataPath ? tessdataPath : "Tesseract's default tessdata folder") +
                "; install tesseract-ocr-eng (make setup does) or pass the folder holding <model>.traineddata";
        tesseract_->TessBaseAPIDelete(api_);
        api_ = nullptr;
        return;
    }
    tesseract_->TessBaseAPISetVariable(api_, "tessedit_ambigs_training", "0");
    std::string characters = whitelist && *whitelist ? whitelist : "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    characters += " "; // without a space in the whitelist Tesseract reports confidence 0
    whitelist_ = characters;
    tesseract_->TessBaseAPISetVariable(api_, "tessedit_char_whitelist", characters.c_str());
    tesseract_->TessBaseAPISetVariable(api_, "lstm_choice_mode", "2"); // alternatives per character
    tesseract_->TessBaseAPISetVariable(api_, "user_defined_dpi", "300");
    tesseract_->TessBaseAPISetVariable(api_, "debug_file", "/dev/null");
    // Lines come dark on light (light-on-dark plates are inverted before OCR), but Tesseract
    // 5.3 reads every line under 0.7 mean confidence a second time inverted: blurred plates
    // and junk lines, about 5 % of the reader's CPU. Off: the same top readings on the 260
    // benchmark images (6 of 200 rendered frames change a junk alternative).
    tesseract_->TessBaseAPISetVariable(api_, "invert_threshold", "0");
    tesseract_->TessBaseAPISetPageSegMode(api_, tesseract::PSM_SINGLE_LINE);
    // The layout analysis tests every line for fixed-pitch text (typewriter pages) by dynamic
    // programming over cut points; the LSTM reads the line whole either way. Off: 3 % less
    // CPU, the same readings of the 260 benchmark images (a global Tesseract setting).
    tesseract_->TessBaseAPISetVariable(api_, "textord_disable_pitch_test", "1");
}

CharacterRecognizer::~CharacterRecognizer() {
    if (api_ != nullptr) {
        tesseract_->TessBaseAPIEnd(api_);
        tesseract_->TessBaseAPIDelete(api_);
    }
}

std::vector<CharacterRecognizer::Symbol> CharacterRecognizer::read(const cv::Mat &binary) {
    std::vector<Symbol> symbols;
    if (binary.empty()) return symbols;
    tesseract_->TessBaseAPISetImage(api_, binary.data, binary.cols, binary.rows, 1, int(binary.step));
    if (tesseract_->TessBaseAPIRecognize(api_, nullptr) != 0) return symbols;
    TessResultIterator *iterator = tesseract_->TessBaseAPIGetIterator(api_);
    if (iterator == nullptr) return symbols;
    do {
        char *text = tesseract_->TessResultIteratorGetUTF8Text(iterator, tesseract::RIL_SYMBOL);
        if (text == nullptr) continue;
        Symbol recognized{};
        CPlateVision_Symbol &symbol = recognized.reading;
        int top = 0, bottom = 0;
        tesseract_->TessPageIteratorBoundingBox(tesseract_->TessResultIteratorGetPageIteratorConst(iterator),
                                                tesseract::RIL_SYMBOL, &recognized.left, &top, &recognized.right,
                                                &bottom);

        symbol.symbolConfidence =
            std::clamp(tesseract_->TessResultIteratorConfidence(iterator, tesseract::RIL_SYMBOL) / 100.f, 0.f, 1.f);
        TessChoiceIterator *choices = tesseract_->TessResultIteratorGetChoiceIterator(iterator);
        if (choices != nullptr) {
            do {
                const char *choice = tesseract_->TessChoiceIteratorGetUTF8Text(choices);
                if (choice == nullptr || *choice == '\0' || *choice == ' ') continue;
                bool seen = false;
                for (int k = 0; k < symbol.choiceCount; k++) seen |= strcmp(symbol.choices[k].utf8, choice) == 0;
                if (seen || symbol.choiceCount >= CPlateVision_MaxChoices) continue;
                auto &slot = symbol.choices[symbol.choiceCount++];
                strncpy(slot.utf8, choice, sizeof slot.utf8 - 1);
                slot.confidence = std::clamp(tesseract_->TessChoiceIteratorConfidence(choices) / 100.f, 0.f, 1.f);
            } while (tesseract_->TessChoiceIteratorNext(choices));
            tesseract_->TessChoiceIteratorDelete(choices);
        }
        if (symbol.choiceCount == 0) {
            auto &slot = symbol.choices[symbol.choiceCount++];
            strncpy(slot.utf8, text, sizeof slot.utf8 - 1);
            slot.confidence = std::clamp(tesseract_->TessResultIteratorConfidence(iterator, tesseract::RIL_SYMBOL) / 100.f, 0.f, 1.f);
        } else if (strcmp(symbol.choices[0].utf8, text) != 0) {
            // The iterator's best symbol comes first, whatever order the choices arrived in.
            for (int k = 1; k < symbol.choiceCount; k++)
                if (strcmp(symbol.choices[k].utf8, text) == 0) std::swap(symbol.choices[0], symbol.choices[k]);
        }
        tesseract_->TessDeleteText(text);
        symbols.push_back(recognized);
    } while (tesseract_->TessResultIteratorNext(iterator, tesseract::RIL_SYMBOL));
    tesseract_->TessResultIteratorDelete(iterator);
    return symbols;
}

} // namespace plate_vision

namespace plate_vision {

std::string CharacterRecognizer::readWord(const cv::Mat &binary, const char *characters) {
    if (binary.empty()) return "";
    std::string allowed = std::string(characters) + " ";
    tesseract_->TessBaseAPISetVariable(api_, "tessedit_char_whitelist", allowed.c_str());
    tesseract_->TessBaseAPISetImage(api_, binary.data, binary.cols, binary.rows, 1, int(binary.step));
    std::string word;
    if (tesseract_->TessBaseAPIRecognize(api_, nullptr) == 0) {
        if (TessResultIterator *iterator = tesseract_->TessBaseAPIGetIterator(api_)) {
            char *text = tesseract_->TessResultIteratorGetUTF8Text(iterator, tesseract::RIL_WORD);
            float confidence = tesseract_->TessResultIteratorConfidence(iterator, tesseract::RIL_WORD);
            if (text != nullptr && confidence >= 50) word = text;
            if (text != nullptr) tesseract_->TessDeleteText(text);
            tesseract_->TessResultIteratorDelete(iterator);
        }
    }
    tesseract_->TessBaseAPISetVariable(api_, "tessedit_char_whitelist", whitelist_.c_str());
    return word;
}

} // namespace plate_vision
