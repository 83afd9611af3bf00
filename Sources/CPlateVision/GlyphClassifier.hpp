// A plate-font character classifier: each character column of a cleaned line is scaled to a
// small tile and compared with prototype tiles learnt from rendered plates (GlyphModel.cpp).
// It reads one character per column, which Tesseract's line reader does not: Tesseract drops
// narrow characters (I, 1) and merges tight ones in narrow plate fonts.
#pragma once

#include "CharacterRecognizer.hpp"

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
    /// Loads `<prefix>.png` (prototype tiles in rows) and `<prefix>.txt` (one line per tile:
    /// its character, UTF-8). On failure `error` says why and `ready()` is false.
    GlyphClassifier(const std::string &prefix, std::string &error);

    bool ready() const { return !characterOf_.empty(); }

    struct Match {
        std::string character;
        float similarity; // cosine similarity of the centred tiles, -1...1
    };

    /// The best match per character, best first (at most `count`).
    std::vector<Match> classify(const GlyphTile &tile, size_t count) const;

    /// Reads the line one character per column (a column much wider than a character is
    /// tried as two), with up to CPlateVision_MaxChoices choices each.
    std::vector<CharacterRecognizer::Symbol> read(const PlateCrop &crop) const;

    /// Writes a model from labelled tiles: k-means prototypes per character (at most
    /// `prototypes` each). Returns false and sets `error` on failure.
    static bool build(const std::vector<GlyphTile> &tiles, const std::vector<std::string> &labels, int prototypes,
                      const std::string &prefix, std::string &error);

private:
    std::vector<std::string> characters_; // distinct, in order of first appearance
    std::vector<int> characterOf_;        // per prototype: index into characters_
    cv::Mat prototypes_; // CV_32F, one centred unit-length feature row per prototype
};

/// A tile's feature: ink (255 - grey) as floats, mean removed, unit length.
cv::Mat glyphFeature(const GlyphTile &tile);

} // namespace plate_vision
