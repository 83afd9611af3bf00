import Foundation
import PlateReading

/// Assembles ``DriveTruth`` from a ``DrivePlan``.
enum DriveTruthBuilder {
    static let schema = "parkscan-drive-truth/1"

    static func truth(_ plan: DrivePlan, seed: UInt64, options: DriveOptions) -> DriveTruth {
        let scenario = plan.scenario
        let cameras = options.cameras
        let folders = cameras.map { "frames/" + $0.name }
        let cars = scenario.cars.map { car in
            let geo = scenario.streets.frame.geoPoint(car.space.centre)
            let runs = plan.frames.sightings[car.id] ?? []
            return CarTruth(
                id: car.id, plate: car.plate.text, normalized: car.plate.normalized, country: car.plate.country,
                zone: car.zoneID, latitude: rounded(geo.latitude, 7), longitude: rounded(geo.longitude, 7),
                passes: Array(car.passes), arrival: DriveTimestamp.iso(car.arrival),
                departure: DriveTimestamp.iso(car.departure), hasRight: plan.rights.hasRight(car: car.id),
                rights: plan.rights.byCar[car.id] ?? [],
                sightings: runs.map { sighting($0, camera: cameras[$0.cameraIndex].name, folder: folders[$0.cameraIndex]) }
            )
        }
        var occupancy: [ZoneOccupancyTruth] = []
        for pass in scenario.passes {
            for zone in scenario.zones.zones where scenario.layout.spaces[zone.id] != nil {
                let parked = scenario.cars.filter { $0.zoneID == zone.id && $0.passes.contains(pass.number) }
                let seen = parked.filter { car in plan.frames.sightings[car.id]?.contains { $0.pass == pass.number } ?? false }
                occupancy.append(ZoneOccupancyTruth(pass: pass.number, zone: zone.id, kind: zone.kind.rawValue,
                                                    capacity: zone.capacity, vehicles: parked.count, seen: seen.count))
            }
        }
        let frames = plan.frames.frames.map { frame in
            FrameTruth(
                camera: cameras[frame.cameraIndex].name, file: folders[frame.cameraIndex] + "/" + frame.file,
                time: DriveTimestamp.iso(frame.time), pass: frame.pass,
                plates: frame.cars.filter(\.plateVisible).map { view in
                    let car = scenario.car(id: view.carID)
                    let box = PixelBox(enclosing: view.plateCorners)
                    return VisiblePlateTruth(carID: car.id, plate: car.plate.text, normalized: car.plate.normalized,
                                             country: car.plate.country, box: [box.x, box.y, box.width, box.height],
                                             viewAngle: rounded(view.viewAngle, 1), distance: rounded(view.distance, 2))
                }
            )
        }
        return DriveTruth(
            schema: schema, seed: seed, timeZone: "Europe/Berlin",
            passes: scenario.passes.map {
                PassTruth(number: $0.number, start: DriveTimestamp.iso($0.start), end: DriveTimestamp.iso($0.end))
            },
            cameras: cameras.map {
                CameraTruth(name: $0.name, side: $0.side.rawValue, lateralOffset: rounded($0.lateralOffset, 3),
                            forwardOffset: rounded($0.forwardOffset, 3), yawDegrees: $0.yawDegrees,
                            horizontalFieldOfViewDegrees: $0.horizontalFieldOfViewDegrees, heightMetres: $0.height,
                            pitchDegrees: $0.pitchDegrees)
            },
            gps: GPSTruth(file: DriveGenerator.gpsFile, rateHertz: options.gpsRate, noiseMetres: options.gpsNoiseMetres,
                          corruptLines: plan.corruptGPSLines),
            cars: cars, occupancy: occupancy, unscannedZones: scenario.layout.unscannedZoneIDs, cases: plan.cases,
            frames: frames
        )
    }

    private static func sighting(_ run: SightingRun, camera: String, folder: String) -> CarSighting {
        CarSighting(pass: run.pass, camera: camera, time: DriveTimestamp.iso(run.time),
                    firstFrame: DriveTimestamp.iso(run.frames[0].time),
                    lastFrame: DriveTimestamp.iso(run.frames[run.frames.count - 1].time), frames: run.frames.count,
                    middleFile: folder + "/" + run.middle.file)
    }

    static func rounded(_ value: Double, _ digits: Int) -> Double {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}
