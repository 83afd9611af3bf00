// How Tesseract's and the glyph network's readings of one plate line relate: whether the
// network reads the line's font (its characters agree with Tesseract's), and where Tesseract
// read two of the network's sure characters as one.
#pragma once

#include "CharacterRecognizer.hpp"

#include <vector>

namespace plate_vision {

/// The glyph model's reading of a line is left out when Tesseract agrees with fewer than this
/// share of its characters (`glyphAgreement`): the line is in a font the network does not know,
/// whose characters it reads as sure garbage (a Slovak `RK 605AB` as `F3 6Q5AE`, each at 0.4-1.0)
/// that then competes with Tesseract's reading as a near coin flip. In its own font the two
/// agree on most characters (Tesseract drops narrow ones, which are not compared).
/// Measured (session 14) on the lines the network reads: the 60 real photos' lines agree at
/// 0.29-0.57 mostly (42 of 66 below 0.5), the 200 rendered frames' at 0.75-1.0 (12 of 224
/// below 0.5). With the shipped network, 0.5 changes no reader benchmark (0.6: 2 foreign
/// plates fewer on seed 2026); with a network retrained on today's tiles, which reads the real
/// photos differently, it takes them from 49 to 52 of 60 (0.6: 53): the 54 that the shipped
/// network reads rest less on its luck with fonts it never saw.
constexpr float minimumGlyphAgreement = 0.5f;

/// A Tesseract character is taken for two glyph characters when both glyph columns, each
/// read at this probability at least, have their centres inside it.
constexpr float sureGlyphCharacter = 0.95f;

/// Tesseract's readings are split where the glyph reading agrees with this share of their
/// characters at least (`glyphAgreement`): a line in the font the network knows. At 0.5 its
/// sure cuts in a real photo's foreign font split a 7 into 7 and 1 (test_035, BA738DE).
constexpr float minimumSplitAgreement = 0.75f;

/// The share of the glyph model's characters that Tesseract's reading of the same place
/// agrees with (either offers the other's first choice at 0.1 or more), over the glyph
/// characters that overlap exactly one Tesseract character; -1 when fewer than 3 do.
float glyphAgreement(const std::vector<CharacterRecognizer::Symbol> &glyphs,
                     const std::vector<CharacterRecognizer::Symbol> &tesseract);

/// `tesseract` with each character that spans two sure glyph characters (`sureGlyphCharacter`),
/// one of them the character Tesseract read, replaced by them (see `minimumSplitAgreement`).
std::vector<CharacterRecognizer::Symbol> splitMerged(const std::vector<CharacterRecognizer::Symbol> &tesseract,
                                                     const std::vector<CharacterRecognizer::Symbol> &glyphs);

} // namespace plate_vision
