import Foundation

/// Turns status snapshots into rates: frames read per second per camera since the previous
/// snapshot.
public struct WatchStatusMeter {
    private var previous: (time: Date, read: [String: Int])?

    public init() {}

    public mutating func measure(_ status: WatchStatus, at time: Date = Date()) -> WatchStatus {
        var status = status
        let read = Dictionary(status.cameras.map { ($0.name, $0.counts.read) }, uniquingKeysWith: { a, _ in a })
        if let previous, time.timeIntervalSince(previous.time) > 0 {
            let seconds = time.timeIntervalSince(previous.time)
            for index in status.cameras.indices {
                let name = status.cameras[index].name
                status.cameras[index].framesPerSecond = Double((read[name] ?? 0) - (previous.read[name] ?? 0)) / seconds
            }
        }
        previous = (time, read)
        return status
    }
}
