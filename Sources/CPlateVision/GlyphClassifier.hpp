// A plate-font character classifier: each character column of a cleaned line is scaled to a
// small tile and classified by a small neural network (a multi-layer perceptron, OpenCV's
// ml module) trained on the reader's own tiles of rendered plates (GlyphClassifier.cpp).
// It reads one character per column, which Tesseract's line reader does not: Tesseract drops
// narrow characters (I, 1) and merges tight ones in narrow plate fonts. Besides the
// characters it knows "no character" (`GlyphClassifier::noCharacter`): the seal stickers
// where they are not coloured enough to be removed, and neighbours that blur joined into one
// column, which it then cuts apart.
#pragma once

#include "CharacterRecognizer.hpp"

#include <opencv2/ml.hpp>

#include <string>
#include <vector>

namespace plate_vision {

/// A character scaled into a `GlyphTile::width` x `GlyphTile::height` grey tile (ink dark),
/// its aspect kept (centred; wider characters squeezed), and its width / height.
struct GlyphTile {
    static constexpr int width = 16, height = 24;
    cv::Mat pixels; // CV_8U, height x width
    float aspect = 0;

    /// The character in `columns` [left, right) of a cleaned line (`grey`: the line's grey
    /// characters on white; `binary`: its ink mask, 0 = ink). Empty pixels when no ink.
    static GlyphTile cut(const cv::Mat &grey, const cv::Mat &binary, int left, int right);
};

class GlyphClassifier {
public:
    /// The label of tiles that are no character (stickers, joined neighbours).
    static constexpr const char *noCharacter = "#";

    /// Loads `<prefix>.yml.gz`. On failure `error` says why and `ready()` is false.
    GlyphClassifier(const std::string &prefix, std::string &error);

    bool ready() const { return !network_.empty() && !labels_.empty(); }

    struct Match {
        std::string character; // or noCharacter
        float probability;     // 0...1, summing to 1 over all labels
    };

    /// All labels with their probabilities, most probable first.
    std::vector<Match> classify(const GlyphTile &tile) const;

    /// Reads the line one character per column (a column holding no character is skipped, one
    /// holding joined characters is cut apart), with up to CPlateVision_MaxChoices choices each.
    /// Empty when the line does not look like the font it learnt. `sureCuts` (if given) gets
    /// the x of each cut in a column read whole as an unsure character but cut as sure ones.
    std::vector<CharacterRecognizer::Symbol> read(const PlateCrop &crop, std::vector<int> *sureCuts = nullptr) const;

    /// Trains a model on labelled tiles (`labels`: a character or noCharacter per tile) with
    /// `hidden` hidden units and writes `<prefix>.yml.gz`. Returns false and sets `error` on failure.
    static bool build(const std::vector<GlyphTile> &tiles, const std::vector<std::string> &labels, int hidden,
                      const std::string &prefix, std::string &error);

private:
    /// A column cut into pieces: [left, right) and the matches of each, and the probability
    /// of its least likely piece's character.
    struct Piece {
        int left, right;
        std::vector<Match> matches;
    };
    struct Cut {
        float score = 0;
        std::vector<Piece> pieces;
    };

    /// The cut of columns [left, right) of `crop` into 2-4 characters whose least likely
    /// piece is likeliest, when it scores above `above` and at least `atLeast`; no pieces
    /// when no such cut gives characters. Cuts that cannot reach that score are not read.
    Cut bestCut(const PlateCrop &crop, int left, int right, float height, float above, float atLeast) const;

    cv::Ptr<cv::ml::ANN_MLP> network_;
    std::vector<std::string> labels_; // one per network output
};

} // namespace plate_vision
