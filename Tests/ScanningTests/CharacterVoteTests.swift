import PlateReading
import Testing
@testable import Scanning

/// Per-character voting across a track's reads (``CharacterVote``).
@Suite struct CharacterVoteTests {
    typealias F = ReadFixtures

    /// A read of `characters` (German layout: sticker gap after the district's `district`
    /// letters, a space before the digits), each character sure at 0.9 with `second` as its
    /// alternative at 0.3 where given.
    static func read(_ text: String, characters: String, district: Int, second: [Int: Character] = [:]) -> PlateRead {
        let letters = characters.prefix { !$0.isNumber }.count
        let symbols = characters.enumerated().map { index, character in
            let gap = index == 0 ? 0 : index == district ? 0.75 : index == letters ? 0.4 : 0.1
            var choices = [CharacterChoice(character, 0.9)]
            if let other = second[index] { choices.append(CharacterChoice(other, 0.3)) }
            return SymbolReading(choices: choices, gapBefore: gap)
        }
        var read = F.read(text, 0.5, box: PixelBox(x: 0, y: 0, width: 120, height: 30))
        read.symbols = symbols
        return read
    }

    @Test func readsWrongInDifferentPlacesVoteTheRightPlate() throws {
        let reads = [
            Self.read("M-AB 1284", characters: "MAB1284", district: 1, second: [5: "3"]),
            Self.read("M-AH 1234", characters: "MAH1234", district: 1, second: [2: "B"]),
            Self.read("M-AB 1234", characters: "MAB1234", district: 1),
        ]
        let voted = try #require(CharacterVote.readings(of: reads))
        #expect(voted.voters == 3)
        #expect(voted.hypotheses.first?.text == "M-AB 1234")
        #expect(FusedPlate(fusing: reads).voted?.text == "M-AB 1234")
    }

    @Test func readsOfAnotherLengthDoNotVote() {
        let reads = [
            Self.read("M-AB 1234", characters: "MAB1234", district: 1),
            Self.read("M-AB 123", characters: "MAB123", district: 1),
        ]
        #expect(CharacterVote.symbols(of: reads) == nil)
    }

    @Test func aWinnerTheCharacterVoteDoesNotShareIsNotSure() {
        let box = PixelBox(x: 0, y: 0, width: 120, height: 30)
        var plate = FusedPlate(fusing: [F.read("M-AB 1234", 0.6, box: box), F.read("M-AB 1234", 0.6, box: box)])
        var certainty = ReadCertainty()
        certainty.requireVoteAgreement = true
        #expect(certainty.accepts(plate))
        plate.voted = .init(text: "M-AB 1284", score: 0.4, runnerUpScore: 0.1, runnerUp: "M-AB 1234", splitDecided: true, voters: 2)
        #expect(!certainty.accepts(plate))
        #expect(ReadCertainty().accepts(plate))
        plate.voted?.text = "M-AB 1234"
        #expect(certainty.accepts(plate))
    }
}
