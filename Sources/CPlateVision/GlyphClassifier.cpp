#include "GlyphClassifier.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace plate_vision {

namespace {

/// A column at least this wide (width / height) may hold joined characters and is also tried
/// cut apart: the widest single plate characters (M, W) stay below it, blur-joined pairs do not.
constexpr float splitAspect = 0.78f;

/// A column read as no character at least this wide is also tried cut apart: a narrow I joined
/// to an R is narrower than an M, but the model has learnt what joined pairs look like (200
/// rendered frames: 3 more read). Cut pieces must then be characters at `noCharacterCut` at least.
constexpr float joinedAspect = 0.4f;

/// The mean probability the pieces of a column read as no character must reach to be read
/// instead. Seal stickers are no character too, and dark ones cut into narrow pieces that read
/// as `1 I 1` at 0.73 (seed 2026's `VK-H 9422`, read `VK-EH 9422`: Tesseract took the stickers
/// for an E, and the pieces gave its column to a character). 0.5 until session 15; 0.7-0.8 read
/// one German plate more on each benchmark seed (144/176, 137/169), the rest unchanged; 0.9
/// lost one and read one more wrong at 0.8 or more.
constexpr float noCharacterCut = 0.75f;

/// A column read whole as a character with less than `unsureWhole`, at least `unsureJoinedAspect`
/// wide and `joinedToUsual` times as wide as the line's usual character column, is also tried
/// cut apart, and read cut when every piece reads at `sureCut` at least: a narrow I or 1
/// joined by blur to a letter (LSZ-IR 6: the IR column, 0.59 heights, 1.44 times the usual,
/// read M at 0.58, cut I / R at 0.998). On the 200 rendered frames single M and W read whole
/// at 0.94-1.0, though their cuts read as well (M: I / V / I at 0.98); such cuts of unsure
/// columns were 1.32-2.45 times the usual width there, but 0.96-1.08 on the real photos
/// (wide fonts the model does not know: a wide R, M or 9 read as I / R, I / K, 9 / 9).
/// `unsureWhole` 0.6 / 0.8 read 139 / 139 of the 200 rendered frames and 51 / 52 of the 60
/// real photos (eu3, FWE50: F-WE 56 before, F-WE 50 at 0.91 with its line opened at the cut).
constexpr float unsureJoinedAspect = 0.45f, joinedToUsual = 1.25f, unsureWhole = 0.8f, sureCut = 0.95f;

/// Pieces a joined column is cut into are this wide at least and at most (width / height).
constexpr float narrowestPiece = 0.1f, widestPiece = 1.0f;

/// Softness of the network output -> probability mapping (softmax temperature).
/// Measured on 200 rendered frames and the 60 real photos (a network trained on 1500 scenes,
/// before the crop and grammar changes that came with it): 0.05 / 0.1 / 0.15 read 65.5 / 64.5 /
/// 61 % and 78.3 / 83.3 / 83.3 %.
constexpr float temperature = 0.1f;

/// Below this mean probability of its characters a line is not in a font the model knows.
/// Measured (as `temperature`): 0.6 / 0.8 / 0.9 read 64.5 / 64.5 / 62 % rendered and 81.7 / 83.3
/// / 83.3 % real. Session 13, with the reader as it now is: 0.8 / 0.65 / 0.5 / 0.3 read German
/// plates 140 / 142 / 143 / 143 of 176 (seed 2026) and 132 / 134 / 135 / 136 of 169 (seed
/// 4242), real photos 54 / 54 / 54 / 53 of 60. At 0.8 it had abstained on two thirds of the
/// German plates missed: blurred lines, whose columns it reads less surely, are in its font.
constexpr float minimumLineProbability = 0.5f;

/// Training: plain back-propagation (OpenCV's default RPROP left every output the same on
/// these tiles), full passes over the tiles.
constexpr double learningRate = 0.001, momentum = 0.1;
constexpr int trainingPasses = 300;

/// The network's input: the tile's ink (0...1) and its aspect.
cv::Mat glyphFeature(const GlyphTile &tile) {
    cv::Mat feature(1, GlyphTile::width * GlyphTile::height + 1, CV_32F);
    float *out = feature.ptr<float>();
    for (int y = 0; y < GlyphTile::height; y++) {
        const uint8_t *row = tile.pixels.ptr<uint8_t>(y);
        for (int x = 0; x < GlyphTile::width; x++) *out++ = (255 - row[x]) / 255.f;
    }
    *out = std::min(tile.aspect, 3.f) / 2;
    return feature;
}

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

GlyphClassifier::GlyphClassifier(const std::string &prefix, std::string &error) {
    const std::string path = prefix + ".yml.gz";
    try {
        cv::FileStorage file(path, cv::FileStorage::READ);
        if (!file.isOpened()) {
            error = "cannot read the glyph model " + path;
            return;
        }
        file["labels"] >> labels_;
        cv::Ptr<cv::ml::ANN_MLP> network = cv::ml::ANN_MLP::create();
        network->read(file["network"]);
        const cv::Mat layers = network->getLayerSizes();
        if (labels_.empty() || layers.total() < 2 ||
            layers.at<int>(0) != GlyphTile::width * GlyphTile::height + 1 ||
            layers.at<int>(int(layers.total()) - 1) != int(labels_.size())) {
            error = "the glyph model " + path + " is not a network over " +
                    std::to_string(GlyphTile::width) + "x" + std::to_string(GlyphTile::height) +
                    " tiles with one output per label";
            labels_.clear();
            return;
        }
        network_ = network;
    } catch (const cv::Exception &exception) {
        error = "cannot read the glyph model " + path + ": " + exception.what();
        labels_.clear();
        return;
    }
}

std::vector<GlyphClassifier::Match> GlyphClassifier::classify(const GlyphTile &tile) const {
    if (tile.pixels.empty() || !ready()) return {};
    cv::Mat outputs;
    network_->predict(glyphFeature(tile), outputs);
    const float *o = outputs.ptr<float>();
    const float top = *std::max_element(o, o + outputs.cols);
    std::vector<Match> matches;
    float total = 0;
    for (int k = 0; k < outputs.cols; k++) {
        matches.push_back({labels_[k], std::exp((o[k] - top) / temperature)});
        total += matches.back().probability;
    }
    for (auto &match : matches) match.probability /= total;
    std::sort(matches.begin(), matches.end(), [](const Match &a, const Match &b) { return a.probability > b.probability; });
    return matches;
}

namespace {

bool isCharacter(const GlyphClassifier::Match &match) { return match.character != GlyphClassifier::noCharacter; }

/// Probability of the likeliest character (not noCharacter).
float characterProbability(const std::vector<GlyphClassifier::Match> &matches) {
    for (const auto &match : matches) if (isCharacter(match)) return match.probability;
    return 0;
}

/// Whether a tile reads as no character: "no character" at least as likely as all characters.
bool readsAsNoCharacter(const std::vector<GlyphClassifier::Match> &matches) {
    for (const auto &match : matches) if (!isCharacter(match)) return match.probability >= 0.5f;
    return false;
}

/// A symbol from the matches of one tile: its likeliest characters, noCharacter left out.
CharacterRecognizer::Symbol symbolFrom(const std::vector<GlyphClassifier::Match> &matches, int left, int right) {
    CharacterRecognizer::Symbol symbol{};
    symbol.left = left;
    symbol.right = right;
    CPlateVision_Symbol &reading = symbol.reading;
    for (const auto &match : matches) {
        if (reading.choiceCount >= CPlateVision_MaxChoices) break;
        if (!isCharacter(match)) continue;
        auto &choice = reading.choices[reading.choiceCount++];
        strncpy(choice.utf8, match.character.c_str(), sizeof choice.utf8 - 1);
        choice.confidence = match.probability;
    }
    reading.symbolConfidence = reading.choiceCount > 0 ? reading.choices[0].confidence : 0;
    return symbol;
}

} // namespace

GlyphClassifier::Cut GlyphClassifier::bestCut(const PlateCrop &crop, int left, int right, float height, float above,
                                              float atLeast) const {
    // Cut points every few pixels; score[j]: the best least-likely-piece probability of the
    // pieces up to cut j (dynamic programming), from[j] the cut before, count[j] the pieces.
    // A piece after cut i scores at most score[i]: it is not read when that cannot improve
    // score[j] or give a cut the caller takes (the real photo `eu4`, whose wide M and N are
    // tried cut, spent a fifth of its reading here, half as much since; the same cuts win).
    const int step = std::max(2, int(height / 16));
    std::vector<int> cuts;
    for (int x = left; x < right; x += step) cuts.push_back(x);
    cuts.push_back(right);
    const int n = int(cuts.size());
    std::vector<float> score(n, -1.f);
    std::vector<int> from(n, -1), count(n, 0);
    std::vector<std::vector<Match>> last(n); // matches of the piece ending at cut j
    score[0] = 2.f;
    for (int j = 1; j < n; j++) {
        for (int i = j - 1; i >= 0; i--) {
            const float pieceWidth = float(cuts[j] - cuts[i]) / height;
            if (pieceWidth > widestPiece) break;
            if (pieceWidth < narrowestPiece || score[i] < 0 || count[i] >= 4) continue;
            if (score[i] <= score[j] || score[i] <= above || score[i] < atLeast) continue;
            if (i == 0 && j == n - 1) continue; // the column whole is not a cut
            auto matches = classify(GlyphTile::cut(crop.grey, crop.binary, cuts[i], cuts[j]));
            if (matches.empty() || readsAsNoCharacter(matches)) continue;
            const float s = std::min(score[i], characterProbability(matches));
            if (s > score[j]) { score[j] = s; from[j] = i; count[j] = count[i] + 1; last[j] = std::move(matches); }
        }
    }
    Cut cut;
    if (score[n - 1] < 0) return cut;
    cut.score = score[n - 1];
    for (int j = n - 1; j > 0; j = from[j]) cut.pieces.insert(cut.pieces.begin(), {cuts[from[j]], cuts[j], last[j]});
    return cut;
}

namespace {

/// The median width of the columns of `crop` read whole as characters (in pixels).
float usualCharacterWidth(const PlateCrop &crop, const std::vector<std::vector<GlyphClassifier::Match>> &wholes) {
    std::vector<int> widths;
    for (size_t c = 0; c < crop.columns.size(); c++)
        if (!wholes[c].empty() && !readsAsNoCharacter(wholes[c])) widths.push_back(crop.columns[c].right - crop.columns[c].left);
    if (widths.empty()) return 0;
    std::nth_element(widths.begin(), widths.begin() + widths.size() / 2, widths.end());
    return float(widths[widths.size() / 2]);
}

/// Whether a column read whole as a character it is unsure of may hold joined characters.
bool unsureJoined(float aspect, float widthToUsual, bool noCharacterWhole, float whole) {
    return !noCharacterWhole && whole < unsureWhole && aspect >= unsureJoinedAspect && widthToUsual >= joinedToUsual;
}

/// The score a cut of a column must reach to be read instead of the column whole (which
/// reads as `whole`, 0 when it reads as no character); above 1 when no cut is tried.
float cutScoreToBeat(float aspect, float widthToUsual, bool noCharacterWhole, float whole) {
    if (aspect >= splitAspect) return noCharacterWhole ? noCharacterCut : whole;
    if (noCharacterWhole && aspect >= joinedAspect) return noCharacterCut;
    if (unsureJoined(aspect, widthToUsual, noCharacterWhole, whole)) return sureCut;
    return 2.f;
}

} // namespace

std::vector<CharacterRecognizer::Symbol> GlyphClassifier::read(const PlateCrop &crop, std::vector<int> *sureCuts) const {
    if (crop.binary.empty() || crop.grey.empty() || crop.columns.empty() || !ready()) return {};
    const float height = crop.characterHeight > 0 ? crop.characterHeight : float(crop.binary.rows);
    // Each column whole first: a line in a font the model does not know (most foreign
    // plates, FE-Schrift) is read with little certainty throughout, and the model abstains
    // rather than outvote Tesseract with guesses, before it spends time on cuts.
    std::vector<std::vector<Match>> wholes;
    float certainty = 0;
    int characters = 0;
    for (const auto &column : crop.columns) {
        wholes.push_back(classify(GlyphTile::cut(crop.grey, crop.binary, column.left, column.right)));
        if (wholes.back().empty() || readsAsNoCharacter(wholes.back())) continue;
        certainty += characterProbability(wholes.back());
        characters++;
    }
    if (characters == 0 || certainty / characters < minimumLineProbability) return {};

    const float usualWidth = usualCharacterWidth(crop, wholes);
    std::vector<CharacterRecognizer::Symbol> symbols;
    for (size_t c = 0; c < crop.columns.size(); c++) {
        const auto &column = crop.columns[c];
        const auto &whole = wholes[c];
        if (whole.empty()) continue;
        const int width = column.right - column.left;
        const bool noCharacterWhole = readsAsNoCharacter(whole);
        float best = noCharacterWhole ? 0.f : characterProbability(whole);
        std::vector<Piece> pieces; // none: the column whole
        const float aspect = float(width) / height, widthToUsual = usualWidth > 0 ? width / usualWidth : 1.f;
        const float toBeat = cutScoreToBeat(aspect, widthToUsual, noCharacterWhole, best);
        if (toBeat <= 1.f) {
            Cut cut = bestCut(crop, column.left, column.right, height, best, toBeat);
            if (cut.pieces.size() >= 2 && cut.score > best && cut.score >= toBeat) {
                if (sureCuts && unsureJoined(aspect, widthToUsual, noCharacterWhole, best) && cut.score >= sureCut)
                    for (size_t p = 1; p < cut.pieces.size(); p++) sureCuts->push_back(cut.pieces[p].left);
                best = cut.score;
                pieces = std::move(cut.pieces);
            }
        }
        if (best <= 0) continue; // no character: a sticker, dirt
        if (pieces.empty()) symbols.push_back(symbolFrom(whole, column.left, column.right));
        for (const auto &piece : pieces) symbols.push_back(symbolFrom(piece.matches, piece.left, piece.right));
    }
    return symbols;
}

bool GlyphClassifier::build(const std::vector<GlyphTile> &tiles, const std::vector<std::string> &labels, int hidden,
                            const std::string &prefix, std::string &error) {
    std::vector<std::string> distinct;
    for (size_t i = 0; i < tiles.size() && i < labels.size(); i++)
        if (!tiles[i].pixels.empty() && std::find(distinct.begin(), distinct.end(), labels[i]) == distinct.end())
            distinct.push_back(labels[i]);
    std::sort(distinct.begin(), distinct.end());
    if (distinct.size() < 2) {
        error = "a glyph model needs tiles of at least two labels";
        return false;
    }
    cv::Mat samples, responses;
    for (size_t i = 0; i < tiles.size() && i < labels.size(); i++) {
        if (tiles[i].pixels.empty()) continue;
        samples.push_back(glyphFeature(tiles[i]));
        cv::Mat target(1, int(distinct.size()), CV_32F, cv::Scalar(0));
        target.at<float>(int(std::find(distinct.begin(), distinct.end(), labels[i]) - distinct.begin())) = 1;
        responses.push_back(target);
    }
    cv::theRNG().state = 7;
    cv::Ptr<cv::ml::ANN_MLP> network = cv::ml::ANN_MLP::create();
    network->setLayerSizes(std::vector<int>{samples.cols, hidden, int(distinct.size())});
    network->setActivationFunction(cv::ml::ANN_MLP::SIGMOID_SYM);
    network->setTrainMethod(cv::ml::ANN_MLP::BACKPROP, learningRate, momentum);
    network->setTermCriteria(cv::TermCriteria(cv::TermCriteria::COUNT, trainingPasses, 0));
    if (!network->train(cv::ml::TrainData::create(samples, cv::ml::ROW_SAMPLE, responses))) {
        error = "training the glyph network failed";
        return false;
    }
    const std::string path = prefix + ".yml.gz";
    // Weights as base64 binary: parsed in 11-14 ms at start-up instead of 16-18 ms as decimals.
    cv::FileStorage file(path, cv::FileStorage::WRITE | cv::FileStorage::WRITE_BASE64);
    if (!file.isOpened()) {
        error = "cannot write " + path;
        return false;
    }
    file << "labels" << distinct;
    file << "network" << "{";
    network->write(file);
    file << "}";
    return true;
}

} // namespace plate_vision
