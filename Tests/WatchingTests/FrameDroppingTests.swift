import Foundation
import PlateReading
import Testing
import Watching

@Suite struct FrameDroppingTests {
    @Test func dropsAreAtLeastThreeFramesApart() {
        let policy = FrameDropPolicy()
        #expect(policy.victim(queued: [10, 11], arriving: 12, recentlyDropped: []) == 10)
        #expect(policy.victim(queued: [10, 11], arriving: 12, recentlyDropped: [9]) == 12)
        #expect(policy.victim(queued: [10, 11], arriving: 12, recentlyDropped: [10]) == nil)
        #expect(FrameDropPolicy(blocksInsteadOfDropping: true).victim(queued: [1], arriving: 5, recentlyDropped: []) == nil)
    }

    /// A camera at 100 fps into one reader that manages ~40: frames are dropped, the camera
    /// never waits for long, and every car seen in three consecutive frames keeps two reads.
    @Test func aSlowReaderLosesFramesButNoCarSeenInThreeFrames() {
        let queue = LiveFrameQueue(cameras: ["right"], capacity: 2)
        let start = Date()
        let frames = 300
        let producer = Thread {
            for index in 0..<frames {
                queue.push(LiveFrame(camera: "right", cameraFrameIndex: index, time: start.addingTimeInterval(Double(index) / 100),
                                     image: nil, path: "f\(index)"))
                Thread.sleep(forTimeInterval: 0.01)
            }
            queue.finish(camera: "right")
        }
        producer.start()
        let reader = Thread {
            while let job = queue.take() {
                Thread.sleep(forTimeInterval: 0.025)
                queue.deliver(job, .success([]))
            }
        }
        reader.start()
        var delivered: [Int] = []
        loop: while true {
            switch queue.next(timeout: 5) {
            case .frame(_, let frame, _): delivered.append(frame.cameraFrameIndex)
            case .waiting: Issue.record("no frame for 5 s"); break loop
            case .end: break loop
            }
        }
        let counts = queue.cameraCounts["right"]!
        #expect(counts.captured == frames)
        #expect(counts.dropped > 0, "the reader is slower than the camera: something must be dropped")
        #expect(counts.read + counts.dropped == frames)
        #expect(delivered == delivered.sorted(), "frames reach the engine in order")
        #expect(counts.longestDropRun == 1)
        let read = Set(delivered)
        for first in 0..<(frames - 2) {
            let kept = (first..<first + 3).filter(read.contains).count
            #expect(kept >= 2, "frames \(first)-\(first + 2): only \(kept) read; a car seen in them would be lost")
        }
    }

    /// A camera asks before it takes a frame's image: a frame dropped on arrival is never
    /// decoded, and an admitted frame keeps its place until it is pushed.
    @Test func aFrameIsAdmittedOrDroppedBeforeItsImageIsTaken() {
        let queue = LiveFrameQueue(cameras: ["right"], capacity: 2)
        let start = Date()
        func frame(_ index: Int) -> LiveFrame {
            LiveFrame(camera: "right", cameraFrameIndex: index, time: start.addingTimeInterval(Double(index) / 25), image: nil, path: "f\(index)")
        }
        for index in 0..<2 {
            #expect(queue.admit(camera: "right", cameraFrameIndex: index) == .queue)
            #expect(queue.push(frame(index)))
        }
        // Full: the stalest queued frame (0) goes, 2 is admitted.
        #expect(queue.admit(camera: "right", cameraFrameIndex: 2) == .queue)
        #expect(queue.push(frame(2)))
        // Full again, 1 and 2 are too close to the dropped 0: the arriving 3 goes, unread.
        #expect(queue.admit(camera: "right", cameraFrameIndex: 3) == .drop)
        // 4 is admitted once a reader takes one; an image that cannot be taken is withdrawn.
        _ = queue.take()
        #expect(queue.admit(camera: "right", cameraFrameIndex: 4) == .queue)
        queue.withdraw(camera: "right")
        queue.finish(camera: "right")
        var left: [String] = []
        while let job = queue.take() { left.append(job.frame.path) }
        #expect(left == ["f2"])
        let counts = queue.cameraCounts["right"]!
        #expect(counts.captured == 4)
        #expect(counts.dropped == 2)
        queue.close()
        #expect(queue.admit(camera: "right", cameraFrameIndex: 5) == .closed)
    }

    /// Frames of two cameras are handed out oldest first.
    @Test func framesOfSeveralCamerasGoOutOldestFirst() {
        let queue = LiveFrameQueue(cameras: ["left", "right"], capacity: 4)
        let start = Date()
        queue.push(LiveFrame(camera: "right", cameraFrameIndex: 0, time: start.addingTimeInterval(0.02), image: nil, path: "r0"))
        queue.push(LiveFrame(camera: "left", cameraFrameIndex: 0, time: start, image: nil, path: "l0"))
        queue.push(LiveFrame(camera: "left", cameraFrameIndex: 1, time: start.addingTimeInterval(0.04), image: nil, path: "l1"))
        queue.finish(camera: "left")
        queue.finish(camera: "right")
        var order: [String] = []
        while let job = queue.take() { order.append(job.frame.path) }
        #expect(order == ["l0", "r0", "l1"])
    }
}
