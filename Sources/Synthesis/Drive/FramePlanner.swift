import Foundation

/// Works out every frame of every camera and pass: the vehicle's pose, the cars in view, which
/// plates are visible, which frames are kept (see ``DriveOptions/Recording``), and the runs
/// of frames in which each car is seen.
enum FramePlanner {
    /// Frames kept before a visible plate in triggered recording (the trigger's lead-in; these
    /// show no readable plate).
    static let triggerLeadIn = 1
    /// Cars farther than this from the vehicle are not considered for a frame, metres.
    static let viewRange = 30.0

    static func plan(_ scenario: ParkingScenario, options: DriveOptions) -> FramePlan {
        var kept: [PlannedFrame] = []
        var sightings: [Int: [SightingRun]] = [:]
        for (cameraIndex, camera) in options.cameras.enumerated() {
            var number = 0
            for pass in scenario.passes {
                let present = scenario.cars.filter { $0.passes.contains(pass.number) }
                let count = Int((pass.duration * options.framesPerSecond).rounded(.down)) + 1
                var frames = (0..<count).map { tick in
                    frame(tick: tick, pass: pass, camera: camera, cameraIndex: cameraIndex, present: present, options: options)
                }
                let visible = frames.indices.filter { frames[$0].cars.contains(where: \.plateVisible) }
                var keep = Set<Int>()
                if options.recording == .continuous {
                    keep = Set(frames.indices)
                } else {
                    // A triggered camera also stays dark while the vehicle stands (at the start and end).
                    for index in visible {
                        for k in max(0, index - triggerLeadIn)...index
                        where frames[k].pose.speed > 0 {
                            keep.insert(k)
                        }
                    }
                }
                for index in frames.indices where keep.contains(index) {
                    number += 1
                    frames[index].file = fileName(number)
                    kept.append(frames[index])
                }
                for run in runs(in: frames.filter { !$0.file.isEmpty }, pass: pass.number, cameraIndex: cameraIndex) {
                    sightings[run.carID, default: []].append(run)
                }
            }
        }
        return FramePlan(frames: kept, sightings: sightings)
    }

    /// `000042.jpg`.
    static func fileName(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".jpg"
    }

    private static func frame(tick: Int, pass: ScanPass, camera: DriveCamera, cameraIndex: Int, present: [ParkedCar],
                              options: DriveOptions) -> PlannedFrame {
        let seconds = Double(tick) / options.framesPerSecond
        let pose = pass.pose(at: seconds)
        // The body rocks a little: a fraction of a degree of roll.
        let roll = 0.4 * .pi / 180 * sin(Double(tick) * 0.7 + Double(pass.number))
        let view = CameraView(camera: camera, pose: pose, width: options.width, height: options.height, roll: roll)
        var cars = present
            .filter { ($0.space.centre - pose.position).length < viewRange }
            .compactMap { CarInView(car: $0, view: view) }
            .sorted { ($0.distance, $0.carID) > ($1.distance, $1.carID) }
        for i in cars.indices where cars[i].plateVisible {
            if cars[(i + 1)...].contains(where: { $0.hides(plateOf: cars[i]) }) { cars[i].plateVisible = false }
        }
        return PlannedFrame(cameraIndex: cameraIndex, pass: pass.number, tick: tick,
                            time: pass.start.addingTimeInterval(seconds), pose: pose, cars: cars)
    }

    /// Runs of consecutive frames per car in which its plate is visible.
    private static func runs(in frames: [PlannedFrame], pass: Int, cameraIndex: Int) -> [SightingRun] {
        var open: [Int: [PlannedFrame]] = [:]
        var lastTick: [Int: Int] = [:]
        var done: [SightingRun] = []
        for frame in frames {
            for car in frame.cars where car.plateVisible {
                if let last = lastTick[car.carID], last != frame.tick - 1, let run = open[car.carID] {
                    done.append(SightingRun(carID: car.carID, pass: pass, cameraIndex: cameraIndex, frames: run))
                    open[car.carID] = nil
                }
                open[car.carID, default: []].append(frame)
                lastTick[car.carID] = frame.tick
            }
        }
        for (carID, run) in open { done.append(SightingRun(carID: carID, pass: pass, cameraIndex: cameraIndex, frames: run)) }
        return done.sorted { ($0.frames[0].tick, $0.carID) < ($1.frames[0].tick, $1.carID) }
    }
}
