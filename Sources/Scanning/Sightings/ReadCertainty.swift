import PlateReading

/// When a fused plate is sure enough to act on: to keep it as a pending sighting and to raise
/// a case from it. A wrong plate fines an innocent person, so these are deliberately strict;
/// a sighting that falls short is counted as unread, never stored with its plate.
///
/// Defaults (measured on generated drives, see the README's scan figures):
/// - at least 2 reads in the track (one-frame glimpses at corners are often mislocated), and
///   at least 2 of them with the winner as their best reading (``minimumAgreeingReads``),
/// - fused confidence ≥ 0.1 (mean per-read probability of the winning text; the stock OCR
///   model's calibrated confidences are low, 0.1-0.6 for right reads),
/// - agreement ≥ 0.4 (two reads in five had the winner as their own best reading),
/// - the winner beats the runner-up by more than a factor of 1.5, where a runner-up that is the winner
///   with one character dropped does not count: losing a narrow `I` or `1` is the OCR's
///   commonest slip, so `RH-P 72` beside `RH-IP 72` speaks for the winner, not against it
///   (except when the winner's district may itself have lost an umlaut, `BS-TN 46` from
///   `BÜS-TN 46`: the stock OCR model has no umlauts, so that loss can repeat in every read
///   and every pass);
/// - the winner is not itself such a drop of a strong alternative (one within a factor of
///   ``minimumMarginOverLonger``): `WM-W 2E` beside `WM-WG 2E` is most likely the longer
///   plate with its `G` lost; nor the start or end of one (a line cut short: `C-I 69`, the
///   right part of `GÜ-CI 69` read in boxes 110 px wide where the plate was 180, was sure
///   in a track of its own and raised a case against Cottbus with `GÜ-CI 69` at 0.21 against
///   0.31 in the pass that confirmed it; held-out seed 39),
/// - a winner of no known layout beats by ``minimumMarginOverLookalike`` (2.5) a German plate
///   that is the winner with characters the plate font draws alike swapped (O/0, I/1, B/8,
///   S/5, Z/2): the OCR makes such a swap the same way in every frame and pass, so a lead
///   built from many reads is no evidence between the two, and only the German one has a
///   layout for it. `NE-OO 268` (no right) was read `NE 00268` at 0.42 against 0.28 in two
///   passes and went out as a case against `NE 00268` (seed 27, once the strips were
///   deslanted). Asked of every winner, the margin lost true cases whose lookalike had a
///   layout as good (`LÖB-JZ 101` beside `LÖB-J 2101`, the Czech `8Z0 2279` beside `8ZO 2279`);
/// - the district split decided (`M-AB 1234` vs `MA-B 1234` are different people),
/// - a plate taken for German (country `D`) is a German plate (``GermanPlate``),
/// - a text like a plate (``PlateShape``): at least 4 characters, letters and digits.
///
/// ``requireVoteAgreement`` (off by default) also asks the per-character vote
/// (``CharacterVote``) to read the same text as the vote on whole texts. Measured on the
/// 1080p drives: seed 2026, 2 fewer sure sightings with a wrong plate and none fewer right;
/// seed 7, none fewer wrong and 3 fewer right (one true case lost). So it is not used; the
/// OCR's errors on these drives are systematic (the same misread in every frame), which no
/// fusion of one track's reads can undo.
///
/// A sighting that falls short of these but meets ``confirming`` can still make a case with a
/// sure sighting of exactly its plate in its zone, before or after it (``PassCommitter``).
///
/// On top, a case needs the same text in both sightings (the pending sighting is found by
/// the exact plate key), and no alternative reading of either sighting may have a right
/// (``PassCommitter``): a systematic misread of a permit holder's plate must not fine the
/// holder of the misread plate.
public struct ReadCertainty: Sendable, Equatable {
    public var minimumReads: Int
    /// Reads that must have had the winner as their own best reading. A two-read track whose
    /// reads disagree rests on one read: on the seven 1080p drives three such tracks were
    /// sure, two of them wrong (`AS-WB 8E`, read in a box over `FÜS-NB 69E` and its car,
    /// and `AS-A 8` for `AS-PB 66`, both kept as pending sightings); the third (`TÜ-G 50`)
    /// is compliant by its permit all the same.
    public var minimumAgreeingReads: Int
    public var minimumConfidence: Double
    public var minimumAgreement: Double
    public var minimumMarginRatio: Double
    public var requireSplitDecided: Bool
    /// Whether the per-character vote must agree with the winner (when there is one).
    public var requireVoteAgreement = false
    /// How far the winner must beat an alternative that is the winner plus one character.
    public var minimumMarginOverLonger: Double
    /// How far a winner of no known layout must beat a German plate that is the winner with
    /// lookalike characters swapped (``swapsLookalikes(_:_:)``).
    public var minimumMarginOverLookalike: Double

    /// The bar for a sighting that only confirms, or is only confirmed by, a sure sighting of
    /// exactly its plate in its zone (``ScanSettings/confirmation``): the other sighting was
    /// sure on its own, and this one independently reads the same text as its best; it must
    /// still be read in 2 frames, agreed on as a sure plate is (0.4), and ahead of every other
    /// reading (margin 1, strictly: two readings neck and neck confirm nothing). A car read
    /// sure in one pass and less sure in another (a narrow `J` once read `I`) was missed.
    /// Generated drives (seeds 2026, 7, 99, demo): 50 of 69 true cases without, 55 with a
    /// later sighting confirming, 58 with an earlier one confirmed too; no false case in any.
    ///
    /// A confirming sighting whose reads scatter (agreement under 0.4) still confirms when the
    /// fused winner leads as a sure plate's does (``LeadWaivingAgreement``: margin 1.5) and at
    /// least one read in five had it as its best: the plate is already known from the sure
    /// sighting, and a different car would have to be misread, as a whole track, as exactly
    /// that plate. `GLA-ND 230` read once as best of five in its second pass, fused 0.39
    /// against 0.24, had been missed.
    ///
    /// A longer alternative (the winner plus one character) must stay 1.5 times behind, not 2.5:
    /// the sure sighting already had its own longer alternatives 2.5 times behind. `CO-Z 612`,
    /// sure in its first pass, read `CO-Z 612` at 0.64 in its second with `CO-SZ 612` (a seal
    /// sticker read as S) at 0.26, had been missed (held-out drive, seed 18).
    ///
    /// A lookalike alternative (O for 0 and so on) must stay 1.5 times behind, as a longer one.
    public static let confirming = ReadCertainty(
        minimumReads: 2, minimumAgreeingReads: 1, minimumConfidence: 0.1, minimumAgreement: 0.4, minimumMarginRatio: 1.0,
        minimumMarginOverLonger: 1.5, minimumMarginOverLookalike: 1.5,
        leadWaivingAgreement: LeadWaivingAgreement(minimumAgreement: 0.2, minimumMarginRatio: 1.5))

    /// A lower agreement accepted when the winner leads every other reading by a wider margin.
    public struct LeadWaivingAgreement: Sendable, Equatable {
        public var minimumAgreement: Double
        public var minimumMarginRatio: Double

        public init(minimumAgreement: Double, minimumMarginRatio: Double) {
            self.minimumAgreement = minimumAgreement
            self.minimumMarginRatio = minimumMarginRatio
        }
    }

    /// When set, a plate below ``minimumAgreement`` is still accepted if it meets this.
    public var leadWaivingAgreement: LeadWaivingAgreement?

    public init(minimumReads: Int = 2, minimumAgreeingReads: Int = 2, minimumConfidence: Double = 0.1, minimumAgreement: Double = 0.4,
                minimumMarginRatio: Double = 1.5, requireSplitDecided: Bool = true, minimumMarginOverLonger: Double = 2.5,
                minimumMarginOverLookalike: Double = 2.5, leadWaivingAgreement: LeadWaivingAgreement? = nil) {
        self.leadWaivingAgreement = leadWaivingAgreement
        self.minimumMarginOverLonger = minimumMarginOverLonger
        self.minimumMarginOverLookalike = minimumMarginOverLookalike
        self.minimumReads = minimumReads
        self.minimumAgreeingReads = minimumAgreeingReads
        self.minimumConfidence = minimumConfidence
        self.minimumAgreement = minimumAgreement
        self.minimumMarginRatio = minimumMarginRatio
        self.requireSplitDecided = requireSplitDecided
    }

    /// Whether `plate` may be acted on.
    public func accepts(_ plate: FusedPlate) -> Bool {
        guard plate.readCount >= minimumReads, plate.confidence >= minimumConfidence,
              plate.agreeingReads >= minimumAgreeingReads else { return false }
        let marginRatio: Double
        if plate.agreement >= minimumAgreement {
            marginRatio = minimumMarginRatio
        } else if let waiver = leadWaivingAgreement, plate.agreement >= waiver.minimumAgreement {
            marginRatio = max(minimumMarginRatio, waiver.minimumMarginRatio)
        } else {
            return false
        }
        guard PlateShape.isPlateLike(plate.normalized) else { return false }
        // A plate taken for German that is no German plate (`NW 6030`, a foreign layout's
        // text for what the German grammar read as `N-W 6030`; truly `NW-GO 30`) is a misread.
        if plate.country == "D" && GermanPlate(canonical: plate.text) == nil { return false }
        if requireVoteAgreement, let voted = plate.voted, voted.text != plate.text { return false }
        if requireSplitDecided && !plate.splitDecided { return false }
        let winner = Array(plate.normalized)
        let dropsSpeakForWinner = !(GermanPlate(canonical: plate.text).map {
            GermanDistrictCodes.mayHaveLostAnUmlaut($0.district)
        } ?? false)
        let winnerHasNoLayout = plate.country?.isEmpty ?? true
        var runnerUp: Double?
        for alternative in plate.alternatives {
            let other = Array(alternative.normalized)
            if Self.dropsOneCharacter(from: other, giving: winner) || Self.cutsShort(other, giving: winner) {
                if alternative.confidence * minimumMarginOverLonger > plate.confidence { return false }
            } else if winnerHasNoLayout && Self.swapsLookalikes(winner, other) && GermanPlate(canonical: alternative.text) != nil {
                if alternative.confidence * minimumMarginOverLookalike > plate.confidence { return false }
                if runnerUp == nil { runnerUp = alternative.confidence }
            } else if runnerUp == nil && !(dropsSpeakForWinner && Self.dropsOneCharacter(from: winner, giving: other)) {
                runnerUp = alternative.confidence
            }
        }
        return (runnerUp ?? 0) * marginRatio < plate.confidence
    }

    /// Whether `shorter` is the start or the end of `longer`, at least one character shorter.
    static func cutsShort(_ longer: [Character], giving shorter: [Character]) -> Bool {
        !shorter.isEmpty && longer.count > shorter.count
            && (longer.starts(with: shorter) || longer.reversed().starts(with: shorter.reversed()))
    }

    /// Characters the plate fonts draw alike, which only a plate's layout tells apart.
    /// Each pair in ascending order, as `swapsLookalikes` looks it up.
    static let lookalikes: Set<[Character]> = [["0", "O"], ["1", "I"], ["8", "B"], ["5", "S"], ["2", "Z"]]

    /// Whether `other` is `text` with one or more characters swapped for their lookalikes
    /// (and nothing else changed).
    static func swapsLookalikes(_ text: [Character], _ other: [Character]) -> Bool {
        guard text.count == other.count, text != other else { return false }
        return zip(text, other).allSatisfy { a, b in a == b || lookalikes.contains([a, b].sorted()) }
    }

    /// Whether `shorter` is `longer` with exactly one character left out: one character
    /// longer and one edit apart (the tracker's edit distance).
    static func dropsOneCharacter(from longer: [Character], giving shorter: [Character]) -> Bool {
        longer.count == shorter.count + 1 && PlateTrack.editDistance(longer, shorter, limit: 1) <= 1
    }
}
