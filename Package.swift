// swift-tools-version:6.0
import PackageDescription

// OpenCV's headers live under /usr/include/opencv4 on Debian. We link only the OpenCV
// modules we use: `pkgConfig: "opencv4"` would link all ~60 and cost ~0.3 s at start-up.
let openCVHeaders: [CXXSetting] = [.unsafeFlags(["-I/usr/include/opencv4", "-std=c++17", "-O2"])]

let package = Package(
    name: "ParkScan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "parkscan", targets: ["parkscan"]),
        .executable(name: "parkscan-synth", targets: ["parkscan-synth"]),
        // Video I/O over FFmpeg, loaded with dlopen by `watch` and `parkscan-synth video` only:
        // linked into parkscan, FFmpeg's ~130 libraries would slow every start.
        .library(name: "ParkScanVideo", type: .dynamic, targets: ["CVideoSource"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // C ABI over OpenCV (detection, rectification) and Tesseract (OCR, loaded at run time).
        .target(
            name: "CPlateVision",
            cxxSettings: openCVHeaders,
            linkerSettings: [
                .linkedLibrary("opencv_core"),
                .linkedLibrary("opencv_imgproc"),
                .linkedLibrary("opencv_objdetect"),
                .linkedLibrary("opencv_ml"),
                .linkedLibrary("opencv_dnn"),
                // Not opencv_imgcodecs: with GDAL and 110 more libraries it cost every start 33 MB
                // resident and ~0.07 s. Frames and evidence go through libjpeg-turbo and libpng.
                .linkedLibrary("jpeg"),
                .linkedLibrary("png16"),
                .linkedLibrary("dl"),
            ]
        ),
        // C ABI over OpenCV's drawing and FreeType text rendering, for synthetic test data.
        .target(
            name: "CSceneRender",
            cxxSettings: openCVHeaders,
            linkerSettings: [
                .linkedLibrary("opencv_core"),
                .linkedLibrary("opencv_imgproc"),
                .linkedLibrary("opencv_imgcodecs"),
                .linkedLibrary("opencv_freetype"),
            ]
        ),
        .target(name: "PlateReading", dependencies: ["CPlateVision"]),
        // Recorded drives: frames per camera, GPS (NMEA 0183, GPX 1.1), time alignment.
        .target(name: "DriveInput", exclude: ["README-drive-format.md"]),
        // Zones (GeoJSON), their rules and hours; later rights, sightings, cases.
        .target(
            name: "Enforcement",
            dependencies: ["DriveInput", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The enforcement pipeline of `parkscan scan`: frames -> reads -> sightings -> zone
        // -> decision -> pending sightings (keyed, encrypted), cases with evidence, occupancy.
        .target(
            name: "Scanning",
            dependencies: [
                "CPlateVision", "PlateReading", "DriveInput", "Enforcement",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "Synthesis", dependencies: ["CSceneRender", "PlateReading", "DriveInput", "Enforcement"]),
        // C ABI over FFmpeg (reading files, streams and cameras; writing Motion-JPEG AVI); built
        // only into the ParkScanVideo library. Its headers are in the compiler's multiarch path.
        // libavdevice (V4L2 cameras) is loaded when a camera is opened (VideoInput.cpp).
        .target(
            name: "CVideoSource",
            linkerSettings: [
                .linkedLibrary("avformat"),
                .linkedLibrary("avcodec"),
                .linkedLibrary("avutil"),
                .linkedLibrary("swscale"),
                .linkedLibrary("dl"),
            ]
        ),
        // Live sources for `watch`: cameras and video files (through ParkScanVideo), NMEA over
        // TCP, serial or file.
        .target(name: "LiveInput", dependencies: ["PlateReading", "DriveInput"]),
        // `parkscan watch`: live frames through the scan engine, as a service.
        .target(
            name: "Watching",
            dependencies: [
                "Scanning", "LiveInput", "PlateReading", "DriveInput", "Enforcement",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The back office (`parkscan review`, `parkscan purge`): decisions on cases, the
        // hash-chained audit trail, export for the fines office, review sheet, retention.
        .target(
            name: "Review",
            dependencies: [
                "CPlateVision", "Enforcement", "Scanning",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Occupancy snapshots and their exports: DATEX II v3 (table, status), GeoJSON, CSV.
        .target(
            name: "OccupancyExport",
            dependencies: ["Enforcement", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // `parkscan serve`: the occupancy exports over HTTP for traffic control centres.
        .target(
            name: "OccupancyServer",
            dependencies: [
                "OccupancyExport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "parkscan",
            dependencies: [
                "PlateReading",
                "Enforcement",
                "Scanning",
                "OccupancyExport",
                "OccupancyServer",
                "Review",
                "LiveInput",
                "Watching",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "parkscan-synth",
            dependencies: [
                "Synthesis",
                "LiveInput",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PlateReadingTests", dependencies: ["PlateReading", "Synthesis", "TestSupport"]),
        .testTarget(name: "SynthesisTests", dependencies: ["Synthesis", "PlateReading", "TestSupport"]),
        .testTarget(name: "DriveInputTests", dependencies: ["DriveInput"]),
        .testTarget(name: "EnforcementTests", dependencies: ["Enforcement"]),
        .testTarget(name: "OccupancyExportTests", dependencies: ["OccupancyExport", "Enforcement", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "OccupancyServerTests", dependencies: [
            "OccupancyServer", "OccupancyExport", "Enforcement", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"), .product(name: "Logging", package: "swift-log"),
        ]),
        // Helpers shared by test targets (running the built programs).
        .target(name: "TestSupport", dependencies: ["CPlateVision", "PlateReading"], path: "Tests/TestSupport"),
        .testTarget(name: "ReviewTests", dependencies: ["Review", "Scanning", "Enforcement", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "WatchingTests",
            dependencies: [
                "Watching", "LiveInput", "Scanning", "Synthesis", "PlateReading", "DriveInput", "Enforcement", "TestSupport",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "ScanningTests", dependencies: ["Scanning", "Synthesis", "PlateReading", "DriveInput", "Enforcement", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
