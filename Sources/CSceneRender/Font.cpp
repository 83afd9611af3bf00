// The font handle: FreeType glyphs rendered once, cached as ink masks, scaled on demand.
#include "SceneRenderInternal.hpp"

#include <cmath>
#include <cstdio>

namespace scene {

namespace {

constexpr int kGlyphRenderHeight = 160;

cv::Mat renderInk(CSceneRender_Font &font, const std::string &character) {
    const int side = kGlyphRenderHeight * 3;
    cv::Mat canvas(side, side, CV_8UC3, cv::Scalar::all(0));
    font.freeType->putText(canvas, character, cv::Point(kGlyphRenderHeight / 2, kGlyphRenderHeight * 2),
                           kGlyphRenderHeight, cv::Scalar::all(255), -1, cv::LINE_AA, false);
    cv::Mat gray;
    cv::extractChannel(canvas, gray, 0);
    std::vector<cv::Point> ink;
    cv::findNonZero(gray, ink);
    if (ink.empty()) return cv::Mat();
    return gray(cv::boundingRect(ink)).clone();
}

/// The plain letter under an umlaut (Ä Ö Ü), or "" for any other character.
std::string umlautBase(const std::string &character) {
    if (character == "Ä") return "A";
    if (character == "Ö") return "O";
    if (character == "Ü") return "U";
    return "";
}

/// An umlaut as German plates print it: the plain letter, shortened, with two dots above it
/// inside the same cap height (DIN 1451 and FE-Schrift). Fonts draw capital umlauts with
/// their dots above the cap height or not at all (OSP-DIN has no capital Ö and draws a
/// lower-case ü), so they are made from the plain letter: shortened to about 0.83 of the
/// cap height, each dot 0.85 of a stroke wide, 0.6 of a stroke above the letter, centred
/// over its left and right thirds.
cv::Mat composeUmlaut(CSceneRender_Font &font, const std::string &base) {
    const cv::Mat letter = renderInk(font, base), stem = renderInk(font, "I");
    if (letter.empty() || stem.empty()) return cv::Mat();
    const int dot = std::max(2, cvRound(0.85 * stem.cols)), gap = cvRound(0.6 * stem.cols);
    cv::Mat ink(letter.rows + dot + gap, letter.cols, CV_8U, cv::Scalar(0));
    letter.copyTo(ink(cv::Rect(0, dot + gap, letter.cols, letter.rows)));
    for (double at : {0.3, 0.7}) {
        const cv::Point centre(cvRound(letter.cols * at), dot / 2);
        cv::circle(ink, centre, dot / 2, cv::Scalar(255), cv::FILLED, cv::LINE_AA);
    }
    return ink;
}

}  // namespace

std::vector<std::string> characters(const std::string &utf8) {
    std::vector<std::string> out;
    for (size_t i = 0; i < utf8.size();) {
        unsigned char lead = static_cast<unsigned char>(utf8[i]);
        size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
        length = std::min(length, utf8.size() - i);
        out.push_back(utf8.substr(i, length));
        i += length;
    }
    return out;
}

bool isPunctuation(const std::string &character) {
    return character == "-" || character == "." || character == "·" || character == ":" || character == ",";
}

const cv::Mat &glyphMask(CSceneRender_Font &font, const std::string &character) {
    auto found = font.glyphs.find(character);
    if (found != font.glyphs.end()) return found->second;
    const std::string base = umlautBase(character);
    return font.glyphs.emplace(character, base.empty() ? renderInk(font, character) : composeUmlaut(font, base))
        .first->second;
}

double glyphWidth(CSceneRender_Font &font, const std::string &character, double height, double squeeze) {
    const cv::Mat &mask = glyphMask(font, character);
    if (mask.empty()) return 0;
    return mask.cols * height / font.capHeight * squeeze;
}

double drawGlyph(cv::Mat &image, CSceneRender_Font &font, const std::string &character, double x, double top,
                 double height, double squeeze, cv::Scalar color, double opacity) {
    const cv::Mat &mask = glyphMask(font, character);
    if (mask.empty() || height < 1) return 0;
    double scale = height / font.capHeight;
    double width = mask.cols * scale * squeeze;
    // Letters and digits fill the cap box (umlauts are shortened so their dots fit, as on plates);
    // punctuation keeps its natural size, centred on the box.
    double inkHeight = isPunctuation(character) ? mask.rows * scale : height;
    double inkTop = isPunctuation(character) ? top + (height - inkHeight) / 2 : top;
    cv::Size size(std::max(1, cvRound(width)), std::max(1, cvRound(inkHeight)));
    cv::Mat scaled;
    int interpolation = size.width < mask.cols ? cv::INTER_AREA : cv::INTER_LINEAR;
    cv::resize(mask, scaled, size, 0, 0, interpolation);
    blendMask(image, scaled, cv::Point(cvRound(x), cvRound(inkTop)), color, opacity);
    return width;
}

void drawTextFit(cv::Mat &image, CSceneRender_Font &font, const std::string &text, cv::Rect2d box, cv::Scalar color,
                 double squeeze) {
    auto glyphs = characters(text);
    double height = box.height * 0.68;
    auto measure = [&](double h) {
        double total = 0;
        for (const auto &g : glyphs) total += (g == " " ? 0.35 * h : glyphWidth(font, g, h, squeeze) + 0.12 * h);
        return total;
    };
    double width = measure(height);
    if (width > box.width * 0.92 && width > 0) {
        height *= box.width * 0.92 / width;
        width = measure(height);
    }
    double x = box.x + (box.width - width) / 2;
    double top = box.y + (box.height - height) / 2;
    for (const auto &g : glyphs) {
        if (g == " ") {
            x += 0.35 * height;
            continue;
        }
        x += drawGlyph(image, font, g, x, top, height, squeeze, color) + 0.12 * height;
    }
}

void blendMask(cv::Mat &image, const cv::Mat &mask, cv::Point origin, cv::Scalar color, double opacity) {
    cv::Rect target = cv::Rect(origin, mask.size()) & cv::Rect(0, 0, image.cols, image.rows);
    if (target.empty()) return;
    cv::Rect source(target.x - origin.x, target.y - origin.y, target.width, target.height);
    const int channels = image.channels();
    for (int y = 0; y < target.height; ++y) {
        const uchar *m = mask.ptr<uchar>(source.y + y) + source.x;
        uchar *p = image.ptr<uchar>(target.y + y) + target.x * channels;
        for (int x = 0; x < target.width; ++x, p += channels) {
            double a = m[x] * opacity / 255.0;
            if (a <= 0) continue;
            for (int c = 0; c < std::min(channels, 3); ++c) p[c] = cv::saturate_cast<uchar>(p[c] * (1 - a) + color[c] * a);
        }
    }
}

}  // namespace scene

extern "C" int CSceneRender_FontCreate(const char *path, CSceneRender_Font **out, CSceneRender_Status *status) {
    return scene::guarded(status, [&] {
        scene::require(path != nullptr && out != nullptr, "font path and output must not be NULL");
        *out = nullptr;
        if (FILE *file = std::fopen(path, "rb")) {
            std::fclose(file);
        } else {
            throw scene::RenderError(CSceneRender_FontError, std::string("cannot open font file '") + path + "'");
        }
        auto font = std::make_unique<CSceneRender_Font>();
        font->freeType = cv::freetype::createFreeType2();
        font->freeType->loadFontData(path, 0);
        const cv::Mat &capital = scene::glyphMask(*font, "H");
        if (capital.empty())
            throw scene::RenderError(CSceneRender_FontError, std::string("font '") + path + "' has no glyph for 'H'");
        font->capHeight = capital.rows;
        *out = font.release();
    });
}

extern "C" void CSceneRender_FontFree(CSceneRender_Font *font) { delete font; }
