import FMEditor
import Foundation

/// The guided add on a terminal: the hint in grey, the question with its default in brackets,
/// an answer read from standard input.
struct TerminalPrompter: Prompter {
    private let color = ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    init() {
        // Ctrl-C ends the prompt (nothing is written before the last answer), even when the
        // parent process ignores or blocks the signal and this one inherited that.
        signal(SIGINT, SIG_DFL)
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    }

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
