import FMEditor
import Foundation

/// The guided add on a terminal: the hint in grey, the question with its default in brackets,
/// an answer read from standard input.
struct TerminalPrompter: Prompter {
    private let color = ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    mutating func ask(_ question: Question) -> String? {
        if let hint = question.hint { say(color ? "\u{1B}[2m\(hint)\u{1B}[0m" : hint) }
        var prompt = question.label
        if let answer = question.defaultAnswer { prompt += " [\(answer)]" } else if question.optional && !question.label.hasSuffix("]") { prompt += " (optional)" }
        FileHandle.standardOutput.write(Data((prompt + ": ").utf8))
        return readLine(strippingNewline: true)
    }

    mutating func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
