import ArgumentParser
import Crosscheck
import Foundation

@main
struct CrosscheckCommand: ParsableCommand {
    /// Runs the command tree; usage errors exit 2 (argument-parser's own code for them is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "crosscheck",
        abstract: "Finds the figures in news articles and cross-checks them across outlets.",
        discussion: """
        Reads plain-text and HTML articles in several languages, pulls out every quantitative \
        claim, and reports where outlets agree and where they contradict each other.

        Exit codes: 0 success; 1 a finding at the --fail-on level exists; 2 usage error or no \
        readable input.
        """,
        subcommands: [Check.self, Ingest.self, Quantities.self, Explain.self, HistoryCommand.self, Rules.self],
        defaultSubcommand: nil
    )
}

/// Writes to standard error.
func warn(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Writes bytes to `--output` or standard output.
func emit(_ data: Data, to output: String?) throws {
    if let output {
        do { try data.write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
            throw ValidationError("cannot write \(output): \(error.localizedDescription)")
        }
    } else {
        FileHandle.standardOutput.write(data)
    }
}

/// Streams bytes to `--output`: written to a hidden file beside it and renamed over it once
/// complete, so a large report is never whole in memory and a failed run leaves neither a
/// half-written report nor a changed old one. `body` hands its pieces to the writer it is given.
func emitStreamed(to output: String, _ body: (_ write: @escaping (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
    let url = URL(fileURLWithPath: output)
    let temp = url.deletingLastPathComponent()
        .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial").path
    func fail(_ reason: String) -> ValidationError {
        unlink(temp)
        return ValidationError("cannot write \(output): \(reason)")
    }
    guard FileManager.default.createFile(atPath: temp, contents: nil) else {
        throw fail(String(cString: strerror(errno)))
    }
    do {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temp))
        do {
            try body { try handle.write(contentsOf: $0) }
            try handle.close()
        } catch {
            try? handle.close()
            throw error
        }
    } catch let error as ValidationError {
        unlink(temp)
        throw error
    } catch {
        throw fail(error.localizedDescription)
    }
    guard rename(temp, output) == 0 else { throw fail(String(cString: strerror(errno))) }
}
