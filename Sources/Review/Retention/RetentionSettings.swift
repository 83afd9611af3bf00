import Foundation

/// How long the back office keeps cases (and with them plates and photos), counted in days.
///
/// Defaults, and why:
/// - unreviewed (`pending_review`): 30 days after the last sighting. A suspected violation
///   nobody looked at in a month will not be fined; the federal draft asks for 24 h, which a
///   town can set with `--unreviewed-days 1`.
/// - rejected: at once (0 days after the decision): no reason remains to keep the plate.
/// - exported: 90 days after the export. The fines office has its own copy; 3 months is the
///   limitation period for parking offences until a notice is issued (§ 26 (3) StVG), after
///   which our copy serves nothing.
/// - confirmed, not yet exported: kept until exported.
public struct RetentionSettings: Sendable, Equatable {
    public static let defaultUnreviewedDays = 30.0
    public static let defaultRejectedDays = 0.0
    public static let defaultExportedDays = 90.0

    public var unreviewedDays: Double
    public var rejectedDays: Double
    public var exportedDays: Double

    public init(unreviewedDays: Double = RetentionSettings.defaultUnreviewedDays,
                rejectedDays: Double = RetentionSettings.defaultRejectedDays,
                exportedDays: Double = RetentionSettings.defaultExportedDays) {
        self.unreviewedDays = unreviewedDays
        self.rejectedDays = rejectedDays
        self.exportedDays = exportedDays
    }

    /// The settings as the audit entry records them.
    var auditFields: [String: String] {
        ["unreviewedDays": Self.number(unreviewedDays), "rejectedDays": Self.number(rejectedDays),
         "exportedDays": Self.number(exportedDays)]
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
