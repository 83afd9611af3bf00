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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // C ABI over OpenCV (detection, rectification) and Tesseract (OCR, loaded at run time).
        .target(
            name: "CPlateVision",
            cxxSettings: openCVHeaders,
            linkerSettings: [
                .linkedLibrary("opencv_core"),
                .linkedLibrary("opencv_imgproc"),
                .linkedLibrary("opencv_imgcodecs"),
                .linkedLibrary("opencv_objdetect"),
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
        .executableTarget(
            name: "parkscan",
            dependencies: [
                "PlateReading",
                "Enforcement",
                "Scanning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "parkscan-synth",
            dependencies: [
                "Synthesis",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PlateReadingTests", dependencies: ["PlateReading", "Synthesis"]),
        .testTarget(name: "SynthesisTests", dependencies: ["Synthesis", "PlateReading"]),
        .testTarget(name: "DriveInputTests", dependencies: ["DriveInput"]),
        .testTarget(name: "EnforcementTests", dependencies: ["Enforcement"]),
        .testTarget(name: "ScanningTests", dependencies: ["Scanning", "Synthesis", "PlateReading", "DriveInput", "Enforcement"]),
    ],
    swiftLanguageModes: [.v6]
)
