import Foundation

extension TimeZone {
    /// Europe/Berlin, the default for German towns (CET/CEST with the EU's DST rules).
    public static let europeBerlin: TimeZone =
        TimeZone(identifier: "Europe/Berlin") ?? TimeZone(secondsFromGMT: 3600) ?? .gmt
}
