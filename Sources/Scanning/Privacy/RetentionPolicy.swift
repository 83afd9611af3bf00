import Foundation

/// How long the pipeline keeps what it must keep about cars that are not (yet) cases.
///
/// - A pending first sighting is kept until `decideAt + confirmationWindow`
///   (default 2 h): long enough for the next pass, or a late pass past a time limit, to find
///   the car again; then it is deleted.
/// - The day key that hashes and seals pending sightings (one per Berlin calendar day) is
///   destroyed `keyGrace` (default 4 h) after its day ends, taking every sighting still
///   under it (crypto-shredding): nothing pending outlives its day by more than that.
///
/// Times are the drive's clock (frame times), so a scan gives the same result whenever it runs;
/// ``PendingStore/purgeExpired(now:in:)`` can also be called with the wall clock.
public struct RetentionPolicy: Sendable, Equatable {
    public static let defaultConfirmationWindow: TimeInterval = 2 * 60 * 60
    public static let defaultKeyGrace: TimeInterval = 4 * 60 * 60

    public var confirmationWindow: TimeInterval
    public var keyGrace: TimeInterval

    public init(confirmationWindow: TimeInterval = RetentionPolicy.defaultConfirmationWindow,
                keyGrace: TimeInterval = RetentionPolicy.defaultKeyGrace) {
        self.confirmationWindow = confirmationWindow
        self.keyGrace = keyGrace
    }
}
