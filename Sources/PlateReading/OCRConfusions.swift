/// Characters the OCR commonly mistakes for one another on plates, with the factor a
/// substitution multiplies a reading's probability by when the substitute was not among the
/// OCR's own choices for that position.
enum OCRConfusions {
    /// Factor for the common letter/digit confusions of the plate font: O/0, I/1, B/8, S/5, Z/2.
    static let strongFactor = 0.25
    /// Factor for the less common ones: G/6, D/0, D/O, Q/0, Q/O, Y/V, T/7, A/4.
    static let weakFactor = 0.08
    /// Tesseract's English model reads the narrow zero of Czech and Slovak plates as G far
    /// more often than it confuses G and 6 (seen on real photos), so G/0 sits between the two.
    static let narrowZeroFactor = 0.15
    /// Factor for reading an umlaut the OCR offered as the plain letter (letter group only
    /// allows A-Z). Restoring an umlaut the OCR cannot produce is handled by the decoder.
    static let umlautToPlainFactor = 0.25

    /// `partners[c]`: characters `c` may really be, with the substitution factor.
    static let partners = table([
        ("O", "0", strongFactor), ("I", "1", strongFactor), ("B", "8", strongFactor),
        ("S", "5", strongFactor), ("Z", "2", strongFactor),
        ("G", "6", weakFactor), ("G", "0", narrowZeroFactor), ("D", "0", weakFactor), ("D", "O", weakFactor),
        ("Q", "0", weakFactor), ("Q", "O", weakFactor), ("Y", "V", weakFactor), ("T", "7", weakFactor),
        ("A", "4", weakFactor),
    ])

    /// `partners` for the glyph network's readings. The network learnt every character of
    /// the plate fonts, G, Q, D, Y and 8 as well as O, V and B, and its own alternatives say
    /// what it confuses; only characters the plate font draws alike, which the grammar must
    /// tell apart by position, are partners: O/0, I/1 and the umlauts' plain letters. With
    /// the full table its `0` at 0.99 in the letter group was also a G (narrow-zero factor)
    /// and the plate came out FEU-MO 94 at 0.76 with FEU-MG 94 at 0.66 in every frame of
    /// seed 15's drive (now 0.37): no case. The 14 drives found two more true cases (that
    /// one and seed 17's WES-PV 68, whose V was also a Y) and no false one; the 260 benchmark
    /// frames read the same.
    static let glyphPartners = table([("O", "0", strongFactor), ("I", "1", strongFactor)])

    /// The partner table of `symmetric` confusions, with each umlaut's plain letter.
    private static func table(_ symmetric: [(Character, Character, Double)]) -> [Character: [(Character, Double)]] {
        var table: [Character: [(Character, Double)]] = [:]
        for (a, b, factor) in symmetric {
            table[a, default: []].append((b, factor))
            table[b, default: []].append((a, factor))
        }
        for (umlaut, plain) in [("Ä", "A"), ("Ö", "O"), ("Ü", "U")] as [(Character, Character)] {
            table[umlaut, default: []].append((plain, umlautToPlainFactor))
        }
        return table
    }
}
