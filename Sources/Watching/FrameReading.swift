import Foundation
import PlateReading

/// Reads the plates of one live frame. One instance per reader thread (OCR engines are not
/// thread-safe); tests put a deliberately slow one in to force dropping.
public protocol FrameReading: AnyObject {
    func read(_ frame: LiveFrame) -> LiveFrameQueue.Outcome
}

/// The real reader: a frame's image (a camera's JPEG is decoded here, on the reader's
/// thread), or its file for replayed drives.
public final class PlateFrameReader: FrameReading {
    private let reader: PlateReader

    public init(configuration: PlateReaderConfiguration) throws(PlateReadingError) {
        reader = try PlateReader(configuration: configuration)
    }

    public func read(_ frame: LiveFrame) -> LiveFrameQueue.Outcome {
        do {
            guard let image = frame.image else { return .success(try reader.read(contentsOf: frame.path)) }
            return .success(try reader.read(image.decoded()))
        } catch {
            return .failure(error)
        }
    }
}

/// Reader threads: each takes the oldest queued frame, reads it and hands the result back.
final class ReaderPool: @unchecked Sendable {
    private let finished = DispatchGroup()

    init(queue: LiveFrameQueue, readers: [any FrameReading]) {
        for reader in readers {
            let box = ReaderBox(reader)
            finished.enter()
            let thread = Thread { [finished] in
                while let job = queue.take() {
                    queue.deliver(job, box.reader.read(job.frame))
                }
                finished.leave()
            }
            thread.name = "reader"
            thread.stackSize = 4 << 20
            thread.start()
        }
    }

    /// Waits until every reader thread has ended (the queue is drained).
    func wait() { finished.wait() }
}

/// Hands a reader to its thread: it is used there only from then on.
private final class ReaderBox: @unchecked Sendable {
    let reader: any FrameReading
    init(_ reader: any FrameReading) { self.reader = reader }
}
