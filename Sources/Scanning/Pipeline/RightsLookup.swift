import Enforcement
import Foundation

/// Where the pipeline asks for a plate's parking rights. ``RightsStore`` is one; tests use
/// another database or a dictionary, so they can check that a compliant plate's text ends up
/// nowhere in the scan's database.
public protocol RightsLookup: Sendable {
    /// The rights of the plate with match key `plateKey` (``PlateKey``) in `zone` at `date`.
    func rights(for plateKey: String, zone: String, at date: Date) throws -> [ParkingRight]
}

extension RightsStore: RightsLookup {}
