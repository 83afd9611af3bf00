import Foundation
import Synchronization

/// Reads a ``GPSSource`` on its own thread into a ``LiveGPS`` until stopped.
///
/// A TCP connection that drops or cannot be made is tried again with exponential backoff
/// (``initialBackoff`` doubling up to ``maximumBackoff``, back to the start after a connection
/// that delivered data); a serial device that goes away likewise. Each state change shows in
/// ``LiveGPS/health``. A file is read once to its end.
public final class GPSReceiver: Sendable {
    public let source: GPSSource
    public let gps: LiveGPS
    public let initialBackoff: TimeInterval
    public let maximumBackoff: TimeInterval
    private let stopped = Atomic<Bool>(false)
    private let done = DispatchSemaphore(value: 0)

    public init(source: GPSSource, gps: LiveGPS, initialBackoff: TimeInterval = 0.5, maximumBackoff: TimeInterval = 30) {
        self.source = source
        self.gps = gps
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
    }

    /// Starts the reading thread.
    public func start() {
        let thread = Thread { [self] in
            run()
            done.signal()
        }
        thread.name = "gps"
        thread.start()
    }

    /// Stops reading (within about 0.2 s) and waits for the thread.
    public func stop() {
        stopped.store(true, ordering: .relaxed)
        done.wait()
    }

    private var isStopped: Bool { stopped.load(ordering: .relaxed) }

    private func run() {
        var feed = NMEAFeed(gps: gps)
        switch source {
        case .file(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else {
                gps.update { $0.problem = "\(path): cannot be opened" }
                return
            }
            gps.update { $0.connected = true }
            pump(descriptor: handle.fileDescriptor, feed: &feed)
            try? handle.close()
        case .tcp, .serial:
            var backoff = initialBackoff
            var attempts = 0
            while !isStopped {
                let opened = open()
                switch opened {
                case .failure(let problem):
                    gps.update { $0.problem = problem.description; $0.connected = false }
                case .success(let descriptor):
                    if attempts > 0 { gps.update { $0.reconnects += 1 } }
                    attempts += 1
                    gps.update { $0.connected = true; $0.problem = nil }
                    let received = pump(descriptor: descriptor, feed: &feed)
                    close(descriptor)
                    feed.reset()
                    gps.update { $0.connected = false; $0.problem = $0.problem ?? "\(self.source): connection closed" }
                    if received > 0 { backoff = initialBackoff }
                }
                sleepUnlessStopped(backoff)
                backoff = min(maximumBackoff, backoff * 2)
            }
        }
    }

    /// Reads until end, error or stop; returns the bytes received.
    @discardableResult
    private func pump(descriptor: Int32, feed: inout NMEAFeed) -> Int {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var total = 0
        while !isStopped {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 200)
            if ready < 0 && errno != EINTR { break }
            if ready <= 0 { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if count <= 0 { break }
            total += count
            feed.receive(buffer[0..<count])
        }
        return total
    }

    private func open() -> Result<Int32, LiveSourceError> {
        switch source {
        case .tcp(let host, let port): TCPConnection.connect(host: host, port: port, timeout: 2)
        case .serial(let path, let baud): SerialPort.open(path: path, baud: baud)
        case .file(let path): .failure(LiveSourceError("\(path): not a stream"))
        }
    }

    private func sleepUnlessStopped(_ seconds: TimeInterval) {
        let end = Date().addingTimeInterval(seconds)
        while !isStopped && Date() < end { usleep(50_000) }
    }
}
