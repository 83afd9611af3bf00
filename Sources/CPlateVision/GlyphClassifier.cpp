#include "GlyphClassifier.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>

namespace plate_vision {

namespace {

/// Tiles per row of a model's atlas image.
constexpr int atlasColumns = 32;

/// A column at least this wide (width / height) is also tried as two characters: the
/// widest single plate characters (M, W) stay below it, blur-merged pairs (IR, ZZ) do not.
constexpr float splitAspect = 0.78f;

/// Softness of the similarity -> choice confidence mapping.
constexpr float temperature = 0.03f;

/// Below this mean similarity of a line's characters the line is not in a font the model
/// knows. Measured (prototypes of OSP-DIN plates): median 0.89 on synthetic plate lines,
/// 0.69 on the real photos (90th percentile 0.80); gates of 0.75 / 0.8 / 0.85 read 59.0 / 59.0
/// / 58.0 % synthetic and 81.7 / 83.3 / 83.3 % real.
constexpr float minimumLineSimilarity = 0.8f;

} // namespace

GlyphTile GlyphTile::cut(const cv::Mat &grey, const cv::Mat &binary, int left, int right) {
    GlyphTile tile;
    left = std::clamp(left, 0, binary.cols);
    right = std::clamp(right, left, binary.cols);
    if (right <= left) return tile;
    cv::Mat ink = binary.colRange(left, right) == 0;
    cv::Rect bounds = cv::boundingRect(ink);
    if (bounds.area() == 0) return tile;
    bounds.x += left;
    tile.aspect = float(bounds.width) / float(bounds.height);
    int scaledWidth = std::clamp(int(std::lround(tile.aspect * height)), 1, width);
    cv::Mat scaled;
    cv::resize(grey(bounds), scaled, cv::Size(scaledWidth, height), 0, 0, cv::INTER_AREA);
    tile.pixels = cv::Mat(height, width, CV_8U, cv::Scalar(255));
    scaled.copyTo(tile.pixels(cv::Rect((width - scaledWidth) / 2, 0, scaledWidth, height)));
    return tile;
}

cv::Mat glyphFeature(const GlyphTile &tile) {
    cv::Mat feature, pixels = tile.pixels.isContinuous() ? tile.pixels : tile.pixels.clone();
    pixels.reshape(1, 1).convertTo(feature, CV_32F, -1.0, 255.0);
    feature -= cv::mean(feature)[0];
    double length = cv::norm(feature);
    if (length > 0) feature /= length;
    return feature;
}

GlyphClassifier::GlyphClassifier(const std::string &prefix, std::string &error) {
    cv::Mat atlas = cv::imread(prefix + ".png", cv::IMREAD_GRAYSCALE);
    std::ifstream labelFile(prefix + ".txt");
    if (atlas.empty() || !labelFile) {
        error = "cannot read the glyph model " + prefix + ".png/.txt";
        return;
    }
    std::vector<std::string> labels;
    for (std::string line; std::getline(labelFile, line);)
        if (!line.empty()) labels.push_back(line);
    const int rows = int(labels.size() + atlasColumns - 1) / atlasColumns;
    if (labels.empty() || atlas.cols != atlasColumns * GlyphTile::width || atlas.rows != rows * GlyphTile::height) {
        error = "the glyph model " + prefix + ".png does not match its " + std::to_string(labels.size()) +
                " labels in " + prefix + ".txt";
        return;
    }
    prototypes_ = cv::Mat(int(labels.size()), GlyphTile::width * GlyphTile::height, CV_32F);
    for (int i = 0; i < int(labels.size()); i++) {
        GlyphTile tile;
        tile.pixels = atlas(cv::Rect(i % atlasColumns * GlyphTile::width, i / atlasColumns * GlyphTile::height,
                                     GlyphTile::width, GlyphTile::height));
        glyphFeature(tile).copyTo(prototypes_.row(i));
    }
    for (const auto &label : labels) {
        auto found = std::find(characters_.begin(), characters_.end(), label);
        characterOf_.push_back(int(found - characters_.begin()));
        if (found == characters_.end()) characters_.push_back(label);
    }
}

std::vector<GlyphClassifier::Match> GlyphClassifier::classify(const GlyphTile &tile, size_t count) const {
    if (tile.pixels.empty() || !ready()) return {};
    // One dot product per prototype. Not `prototypes_ * feature.t()`: Debian's OpenCV hands
    // that to the reference BLAS (sgemm_), which took 6 % of `parkscan watch`'s CPU time.
    const cv::Mat feature = glyphFeature(tile);
    std::vector<float> best(characters_.size(), -2.f);
    for (int i = 0; i < prototypes_.rows; i++)
        best[characterOf_[i]] = std::max(best[characterOf_[i]], float(prototypes_.row(i).dot(feature)));
    std::vector<Match> matches;
    for (size_t k = 0; k < characters_.size(); k++) matches.push_back({characters_[k], best[k]});
    count = std::min(count, matches.size());
    std::partial_sort(matches.begin(), matches.begin() + count, matches.end(),
                      [](const Match &a, const Match &b) { return a.similarity > b.similarity; });
    matches.resize(count);
    return matches;
}

namespace {

/// A symbol from the matches of one character: choice confidences from the similarities'
/// distances to the best (softmax), scaled by how well the best matches at all.
CharacterRecognizer::Symbol symbolFrom(const std::vector<GlyphClassifier::Match> &matches, int left, int right) {
    CharacterRecognizer::Symbol symbol{};
    symbol.left = left;
    symbol.right = right;
    if (matches.empty()) return symbol;
    const float best = matches.front().similarity;
    const float quality = std::clamp((best - 0.5f) / 0.4f, 0.f, 1.f);
    float total = 0;
    for (const auto &match : matches) total += std::exp((match.similarity - best) / temperature);
    CPlateVision_Symbol &reading = symbol.reading;
    for (const auto &match : matches) {
        if (reading.choiceCount >= CPlateVision_MaxChoices) break;
        auto &choice = reading.choices[reading.choiceCount++];
        strncpy(choice.utf8, match.character.c_str(), sizeof choice.utf8 - 1);
        choice.confidence = quality * std::exp((match.similarity - best) / temperature) / total;
    }
    reading.symbolConfidence = reading.choices[0].confidence;
    return symbol;
}

} // namespace

std::vector<CharacterRecognizer::Symbol> GlyphClassifier::read(const PlateCrop &crop) const {
    if (crop.binary.empty() || crop.grey.empty() || crop.columns.empty()) return {};
    // Each column whole first: a line in a font the model does not know (most foreign
    // plates, FE-Schrift) matches poorly throughout, and the model abstains rather than
    // outvote Tesseract with guesses, before it spends time on cuts.
    std::vector<std::vector<Match>> wholes;
    std::vector<float> aspects;
    float similaritySum = 0;
    for (const auto &column : crop.columns) {
        GlyphTile whole = GlyphTile::cut(crop.grey, crop.binary, column.left, column.right);
        wholes.push_back(classify(whole, CPlateVision_MaxChoices));
        aspects.push_back(whole.aspect);
        if (!wholes.back().empty()) similaritySum += wholes.back().front().similarity;
    }
    if (similaritySum / crop.columns.size() < minimumLineSimilarity) return {};

    std::vector<CharacterRecognizer::Symbol> symbols;
    for (size_t c = 0; c < crop.columns.size(); c++) {
        const auto &column = crop.columns[c];
        const auto &matches = wholes[c];
        if (matches.empty()) continue;
        if (aspects[c] >= splitAspect) {
            // Cuts across the middle half, every other pixel; keep the pair whose worse half
            // matches best, if that beats the column read whole.
            const int width = column.right - column.left;
            float bestPair = -1;
            std::vector<Match> bestLeft, bestRight;
            int bestCut = 0;
            for (int cut = column.left + width / 4; cut <= column.right - width / 4; cut += 2) {
                auto l = classify(GlyphTile::cut(crop.grey, crop.binary, column.left, cut), CPlateVision_MaxChoices);
                auto r = classify(GlyphTile::cut(crop.grey, crop.binary, cut, column.right), CPlateVision_MaxChoices);
                if (l.empty() || r.empty()) continue;
                float pair = std::min(l.front().similarity, r.front().similarity);
                if (pair > bestPair) { bestPair = pair; bestLeft = l; bestRight = r; bestCut = cut; }
            }
            if (bestPair > matches.front().similarity) {
                symbols.push_back(symbolFrom(bestLeft, column.left, bestCut));
                symbols.push_back(symbolFrom(bestRight, bestCut, column.right));
                continue;
            }
        }
        symbols.push_back(symbolFrom(matches, column.left, column.right));
    }
    return symbols;
}

bool GlyphClassifier::build(const std::vector<GlyphTile> &tiles, const std::vector<std::string> &labels, int prototypes,
                            const std::string &prefix, std::string &error) {
    std::map<std::string, std::vector<const GlyphTile *>> byLabel;
    for (size_t i = 0; i < tiles.size() && i < labels.size(); i++)
        if (!tiles[i].pixels.empty()) byLabel[labels[i]].push_back(&tiles[i]);
    std::vector<cv::Mat> centres;
    std::vector<std::string> centreLabels;
    for (const auto &[label, members] : byLabel) {
        cv::Mat samples(int(members.size()), GlyphTile::width * GlyphTile::height, CV_32F);
        for (size_t i = 0; i < members.size(); i++) members[i]->pixels.reshape(1, 1).convertTo(samples.row(int(i)), CV_32F);
        const int k = std::min(prototypes, samples.rows);
        cv::Mat assignment, means;
        if (k < samples.rows) {
            cv::setRNGSeed(7);
            cv::kmeans(samples, k, assignment, cv::TermCriteria(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 30, 0.5),
                       3, cv::KMEANS_PP_CENTERS, means);
        } else {
            means = samples;
        }
        for (int i = 0; i < means.rows; i++) {
            cv::Mat tile;
            means.row(i).reshape(1, GlyphTile::height).convertTo(tile, CV_8U);
            centres.push_back(tile);
            centreLabels.push_back(label);
        }
    }
    if (centres.empty()) {
        error = "no labelled glyphs to build a model from";
        return false;
    }
    const int rows = int(centres.size() + atlasColumns - 1) / atlasColumns;
    cv::Mat atlas(rows * GlyphTile::height, atlasColumns * GlyphTile::width, CV_8U, cv::Scalar(255));
    for (size_t i = 0; i < centres.size(); i++)
        centres[i].copyTo(atlas(cv::Rect(int(i) % atlasColumns * GlyphTile::width,
                                         int(i) / atlasColumns * GlyphTile::height, GlyphTile::width,
                                         GlyphTile::height)));
    if (!cv::imwrite(prefix + ".png", atlas)) {
        error = "cannot write " + prefix + ".png";
        return false;
    }
    std::ofstream labelFile(prefix + ".txt");
    for (const auto &label : centreLabels) labelFile << label << "\n";
    if (!labelFile) {
        error = "cannot write " + prefix + ".txt";
        return false;
    }
    return true;
}

} // namespace plate_vision
