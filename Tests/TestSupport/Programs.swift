import Foundation
import Synchronization

/// A program built beside the test bundle (`swift test` builds the package's executables
/// too), e.g. `parkscan`; nil if it is not there.
public func builtProgram(_ name: String) -> String? {
    let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [folder, folder.deletingLastPathComponent()] {
        let path = candidate.appendingPathComponent(name).path
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

/// Runs a program; returns its exit status, standard output and standard error.
///
/// `environment`: variables set (or, with nil, removed) on top of the test process's own.
/// `capture: false` sends the output to /dev/null: a program that leaves a daemon behind
/// (`tmux new-session`) would otherwise keep the pipes open and the read would never end.
@discardableResult
public func runProgram(
    _ path: String, _ arguments: [String], environment changes: [String: String?] = [:], capture: Bool = true
) throws -> (status: Int32, output: String, error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if !changes.isEmpty {
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in changes { environment[key] = value }
        process.environment = environment
    }
    guard capture else {
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, "", "")
    }
    let output = Pipe(), error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // Standard error on another thread: a program filling one pipe must not block on the other.
    let errorData = Mutex(Data())
    let reader = Thread { errorData.withLock { $0 = error.fileHandleForReading.readDataToEndOfFile() } }
    reader.start()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !reader.isFinished { usleep(1_000) }
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errorData.withLock { $0 }, as: UTF8.self))
}
