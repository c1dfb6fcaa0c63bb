// labgrade-confine: the sandbox helper. bubblewrap (or, without it, the host) starts it with a
// ConfinementPlan as arguments; it confines itself as the plan says and becomes the program.
import Confinement

#if canImport(Glibc)
import Glibc
#endif

do {
    try Confiner.run(ConfinementPlan(arguments: Array(CommandLine.arguments.dropFirst())))
} catch {
    let message = ConfinementError.messagePrefix + error.description + "\n"
    _ = message.withCString { write(2, $0, strlen($0)) }
    exit(ConfinementError.exitStatus)
}
