/// Colours and words the scenes are made of.
enum ScenePalette {
    static let carBodies: [RGB] = [
        RGB(20, 20, 22), RGB(235, 235, 232), RGB(170, 172, 175), RGB(95, 98, 102), RGB(25, 45, 95),
        RGB(150, 20, 25), RGB(40, 80, 60), RGB(200, 190, 170), RGB(60, 110, 170), RGB(120, 30, 40),
        RGB(220, 120, 30), RGB(240, 240, 240), RGB(50, 50, 55),
    ]
    static let skies: [RGB] = [RGB(120, 170, 225), RGB(170, 180, 190), RGB(200, 205, 210), RGB(230, 170, 120)]
    static let walls: [RGB] = [
        RGB(190, 170, 150), RGB(160, 75, 55), RGB(200, 200, 195), RGB(130, 130, 135), RGB(225, 215, 190),
        RGB(110, 95, 80),
    ]
    static let roads: [RGB] = [RGB(95, 95, 100), RGB(120, 118, 115), RGB(70, 72, 75)]
    /// Board and ink of signs and stickers.
    static let signColors: [(board: RGB, ink: RGB)] = [
        (RGB(30, 90, 160), RGB(250, 250, 250)), (RGB(245, 245, 240), RGB(20, 20, 20)),
        (RGB(200, 30, 35), RGB(255, 255, 255)), (RGB(250, 210, 40), RGB(20, 20, 20)),
        (RGB(30, 110, 60), RGB(240, 240, 240)), (RGB(20, 20, 20), RGB(240, 200, 60)),
    ]
    /// Shop signs and notices, some of them with plate-like letters and digits.
    static let signTexts = [
        "BÄCKEREI", "APOTHEKE", "KFZ-MEISTERBETRIEB", "PARKEN NUR MIT PARKSCHEIN", "TAXI", "ANKAUF VERKAUF",
        "BLUMEN MÜLLER", "REIFEN-SERVICE 24H", "FAHRSCHULE", "SPARKASSE", "DÖNER KEBAB", "HAUPTSTRASSE 12",
        "ZIMMER FREI", "PIZZERIA ROMA", "TEL. 0211 48 31 70", "AUSFAHRT FREIHALTEN", "MO-FR 8-18 UHR",
        "A 7 KASSEL", "ZONE B 14", "HBF 2 KM", "ÖFFNUNGSZEITEN", "GETRÄNKE HOFFMANN",
    ]
    /// Stickers on car windows.
    static let stickerTexts = [
        "PARKAUSWEIS 12", "BABY AN BORD", "AUTOHAUS KRAUSE", "UMWELTZONE 4", "ANWOHNER ZONE B", "CARSHARING",
        "FAHRSCHULE", "KM 120 000", "WWW.AUTO-24.DE",
    ]
    /// Dealer names on plate holders.
    static let holderTexts = ["AUTOHAUS MEIER", "AUTO SCHMIDT GMBH", "AUTOHAUS BÖHM", "KFZ WEBER", "AUTOZENTRUM SÜD"]
    /// Inspection sticker colours by year (a six-year cycle): 2024 green ... 2029 pink.
    static let inspectionColors: [Int: RGB] = [
        24: RGB(60, 160, 70), 25: RGB(240, 130, 40), 26: RGB(60, 130, 210), 27: RGB(240, 215, 40),
        28: RGB(150, 100, 60), 29: RGB(235, 140, 180),
    ]
}
