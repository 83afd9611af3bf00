import Foundation
import PlateReading
import ServiceLifecycle
import Synchronization

/// `watch` as a long-lived service (swift-service-lifecycle): runs the session until its
/// sources end or a graceful shutdown (SIGTERM, SIGINT through the ServiceGroup) comes; then
/// the frames queued are read, the vehicles in flight decided and committed, and it returns.
/// A session that failed (the database went away) throws, so the process exits non-zero.
///
/// While running it measures the status once a second for ``latestStatus`` (the metrics)
/// and hands it to `report` (the status line).
public final class WatchService: Service, @unchecked Sendable {
    public let session: WatchSession
    private let report: @Sendable (WatchStatus) -> Void
    private let latest = Mutex(WatchStatus())

    public init(session: WatchSession, report: @escaping @Sendable (WatchStatus) -> Void = { _ in }) {
        self.session = session
        self.report = report
    }

    /// The last measured status (with rates).
    public var latestStatus: WatchStatus { latest.withLock { $0 } }

    public func run() async throws {
        try session.start()
        var meter = WatchStatusMeter()
        var lastReport = Date.distantPast
        while !session.isFinished && !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(200))
            if Date().timeIntervalSince(lastReport) >= 1 {
                lastReport = Date()
                HeapTrim.releaseFreedMemory()
                let status = meter.measure(session.status())
                latest.withLock { $0 = status }
                report(status)
            }
        }
        let session = session
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                session.stop()
                done.resume()
            }
            thread.start()
        }
        let status = meter.measure(session.status())
        latest.withLock { $0 = status }
        report(status)
        if let failure = session.failure { throw WatchFailure(description: failure) }
    }
}

/// A session that stopped on an error.
public struct WatchFailure: Error, CustomStringConvertible {
    public let description: String
}
