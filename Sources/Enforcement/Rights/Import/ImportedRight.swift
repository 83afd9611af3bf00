import GRDB

/// One row of a rights file, parsed: the record to upsert under its reference.
enum ImportedRight: Sendable, Hashable {
    case permit(ResidentPermit)
    case session(PaidSession)
    case exemption(Exemption)

    /// The reference that identifies it within its kind (`source/reference` for sessions).
    var identity: String {
        switch self {
        case .permit(let permit): permit.reference
        case .session(let session): "\(session.source)/\(session.reference)"
        case .exemption(let exemption): exemption.reference
        }
    }

    /// Inserts it, updates the stored row with its reference, or leaves it when equal.
    func upsert(_ db: Database, into summary: inout RightsImportSummary) throws {
        switch self {
        case .permit(let permit):
            try Self.upsert(permit, stored: ResidentPermit.fetchOne(db, key: permit.reference), db, &summary)
        case .session(let session):
            let key = ["source": session.source, "reference": session.reference]
            try Self.upsert(session, stored: PaidSession.fetchOne(db, key: key), db, &summary)
        case .exemption(let exemption):
            try Self.upsert(exemption, stored: Exemption.fetchOne(db, key: exemption.reference), db, &summary)
        }
    }

    private static func upsert<R: PersistableRecord & Equatable>(_ record: R, stored: R?, _ db: Database,
                                                                 _ summary: inout RightsImportSummary) throws {
        if stored == nil {
            try record.insert(db)
            summary.added += 1
        } else if stored != record {
            try record.update(db)
            summary.updated += 1
        } else {
            summary.unchanged += 1
        }
    }
}
