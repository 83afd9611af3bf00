import Foundation
import PlateReading
import Scanning

/// Reads the plates of one live frame. One instance per reader thread (OCR engines are not
/// thread-safe); tests put a deliberately slow one in to force dropping.
public protocol FrameReading: AnyObject {
    func read(_ frame: LiveFrame) -> LiveFrameQueue.Outcome
    /// Reads `frame`, not reading again a candidate found where a `known` plate is expected
    /// (``PlateReader/read(_:knowing:)``). By default reads everything.
    func read(_ frame: LiveFrame, knowing known: [KnownPlate]) -> LiveFrameQueue.Outcome
}

extension FrameReading {
    public func read(_ frame: LiveFrame, knowing known: [KnownPlate]) -> LiveFrameQueue.Outcome { read(frame) }
}

/// The real reader: a frame's image (a camera's JPEG is decoded here, on the reader's
/// thread), or its file for replayed drives.
public final class PlateFrameReader: FrameReading {
    private let reader: PlateReader

    public init(configuration: PlateReaderConfiguration) throws(PlateReadingError) {
        reader = try PlateReader(configuration: configuration)
    }

    public func read(_ frame: LiveFrame) -> LiveFrameQueue.Outcome { read(frame, knowing: []) }

    public func read(_ frame: LiveFrame, knowing known: [KnownPlate]) -> LiveFrameQueue.Outcome {
        do {
            guard let image = frame.image else { return .success(try reader.read(contentsOf: frame.path, knowing: known)) }
            return .success(try reader.read(image.decoded(), knowing: known))
        } catch {
            return .failure(error)
        }
    }
}

/// Reader threads: each takes the oldest queued frame, reads it (told the plates sure from
/// earlier frames, ``SurePlates``) and hands the result back.
final class ReaderPool: @unchecked Sendable {
    private let finished = DispatchGroup()

    init(queue: LiveFrameQueue, readers: [any FrameReading], sure: SurePlates) {
        for reader in readers {
            let box = ReaderBox(reader)
            finished.enter()
            let thread = Thread { [finished] in
                while let job = queue.take() {
                    let frame = job.frame
                    let known = sure.known(sequence: job.sequence, camera: frame.camera,
                                           cameraFrameIndex: frame.cameraFrameIndex, time: frame.time)
                    let outcome = box.reader.read(frame, knowing: known)
                    sure.record(.init(sequence: job.sequence, cameraFrameIndex: frame.cameraFrameIndex, time: frame.time,
                                      reads: (try? outcome.get()) ?? []), camera: frame.camera)
                    queue.deliver(job, outcome)
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
