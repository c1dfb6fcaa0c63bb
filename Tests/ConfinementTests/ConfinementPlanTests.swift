// The helper's plan survives the trip through its command line, and bad arguments are named.
import Confinement
import XCTest

final class ConfinementPlanTests: XCTestCase {
    func testAPlanReadsBackFromItsArguments() throws {
        let plan = ConfinementPlan(
            cgroups: ["/sys/fs/cgroup/memory/x"], scratch: .init(path: "/scratch", bytes: 1 << 20, inodes: 64),
            workingDirectory: "/scratch/work", limits: [(.cpu, 10), (.fsize, 4096), (.nproc, 40)], user: (1_900_000_001, 1_900_000_001),
            seccomp: true, command: ["/bin/prog", "--flag", "--", "x"])
        XCTAssertEqual(try ConfinementPlan(arguments: plan.arguments), plan)
        let killer = ConfinementPlan(user: (7, 7), seccomp: false, killAll: true)
        XCTAssertEqual(try ConfinementPlan(arguments: killer.arguments), killer)
    }

    func testBadArgumentsAreRefusedWithWhatIsWrong() {
        let cases: [([String], String)] = [
            (["--tmpfs", "/x:big:3", "--", "p"], "--tmpfs takes PATH:BYTES:INODES"),
            (["--rlimit", "stack=1", "--", "p"], "--rlimit takes NAME=VALUE"),
            (["--user", "0:0", "--", "p"], "not root"),
            (["--bogus", "--", "p"], "unknown option --bogus"),
            (["--chdir"], "--chdir needs a value"),
            ([], "no program after --"),
            (["--kill-all"], "--kill-all needs --user"),
        ]
        for (arguments, message) in cases {
            XCTAssertThrowsError(try ConfinementPlan(arguments: arguments), "\(arguments)") { error in
                XCTAssertTrue("\(error)".contains(message), "\(error)")
            }
        }
    }
}
