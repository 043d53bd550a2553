import Foundation

/// Runs the built `tenderscreen` executable, as a user or a script would.
struct CommandRunner {
    struct Outcome {
        var status: Int32
        var standardOutput: Data
        var standardError: String

        var output: String { String(decoding: standardOutput, as: UTF8.self) }
        var lines: [String] { output.split(separator: "\n").map(String.init) }
    }

    /// The executable built next to the test bundle.
    static let executable: URL = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundle.appendingPathComponent("tenderscreen")
    }()

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `environment` entries are added to (or replace) the test's own environment.
    static func run(_ arguments: [String], in directory: URL = repository,
                    environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes concurrently so a large output cannot block the child.
        // The semaphore orders the reader thread's write before our read (polling
        // `isFinished` does not, and the thread sanitizer says so).
        nonisolated(unsafe) var errorData = Data()
        let done = DispatchSemaphore(value: 0)
        let reader = Thread {
            errorData = error.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        done.wait()
        return Outcome(status: process.terminationStatus, standardOutput: outputData,
                       standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// A scratch folder removed at the end of the test.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tenderscreen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
