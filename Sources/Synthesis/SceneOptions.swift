/// How synthetic scenes are made.
public struct SceneOptions: Sendable, Hashable {
    /// Frame width in pixels.
    public var width: Int
    /// Frame height in pixels.
    public var height: Int
    /// Fraction of plates that are foreign (not German).
    public var foreignShare: Double
    /// Fraction of scenes with two cars (two plates).
    public var twoCarShare: Double
    /// Fraction of scenes with distractor text (a sign, a window sticker).
    public var distractorShare: Double
    /// Smallest and largest plate width in the frame, pixels.
    public var plateWidths: ClosedRange<Double>
    /// Whether to blur, darken, shade and add noise (off: clean frames).
    public var degrade: Bool
    /// Image type written by ``SceneGenerator/renderSet(count:into:)``: `jpg` or `png`.
    public var fileExtension: String
    /// The TrueType font for plates and signs.
    public var fontPath: String

    /// Debian's fonts-opendin: a DIN-like font close to the German plate font.
    public static let defaultFontPath = "/usr/share/fonts/truetype/opendin/OSP-DIN.ttf"

    public init(
        width: Int = 1280,
        height: Int = 720,
        foreignShare: Double = 0.2,
        twoCarShare: Double = 0.1,
        distractorShare: Double = 0.5,
        plateWidths: ClosedRange<Double> = 90...320,
        degrade: Bool = true,
        fileExtension: String = "jpg",
        fontPath: String = SceneOptions.defaultFontPath
    ) {
        self.width = width
        self.height = height
        self.foreignShare = foreignShare
        self.twoCarShare = twoCarShare
        self.distractorShare = distractorShare
        self.plateWidths = plateWidths
        self.degrade = degrade
        self.fileExtension = fileExtension
        self.fontPath = fontPath
    }
}
