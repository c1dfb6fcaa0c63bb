// A type conforming to ECE285BackpropLab without implementing anything compiles and throws NotImplemented.
import LabKit
import XCTest

final class ECE285NotImplementedTests: XCTestCase {
    struct Empty: ECE285BackpropLab {}

    let lab = Empty()
    let m = Matrix.ones(rows: 2, cols: 2)
    let net = TwoLayerParameters(W1: .ones(rows: 2, cols: 2), b1: .ones(rows: 2, cols: 1), W2: .ones(rows: 2, cols: 2),
                                 b2: .ones(rows: 2, cols: 1))

    func testEveryExerciseThrowsNotImplementedNamingItself() {
        let calls: [(String, () throws -> Any)] = [
            ("normalizeMNISTImages", { try self.lab.normalizeMNISTImages(self.m) }),
            ("labelToOneHot", { try self.lab.labelToOneHot([0, 1], classes: 2) }),
            ("oneHotToLabel", { try self.lab.oneHotToLabel(self.m) }),
            ("softmax", { try self.lab.softmax(self.m) }),
            ("softmaxp", { try self.lab.softmaxp(self.m, self.m) }),
            ("relu", { try self.lab.relu(self.m) }),
            ("relup", { try self.lab.relup(self.m, self.m) }),
            ("forwardpropShallow", { try self.lab.forwardpropShallow(self.m, self.net) }),
            ("evalLoss", { try self.lab.evalLoss(self.m, self.m) }),
            ("evalPerfs", { try self.lab.evalPerfs(self.m, [0, 1]) }),
            ("updateShallow", { try self.lab.updateShallow(self.m, self.m, self.net, gamma: 0.05) }),
            ("backpropShallow", { try self.lab.backpropShallow(self.m, self.m, self.net, T: 1, gamma: 0.05) }),
            ("backpropMinibatchShallow", {
                var random = NumPyRandomState(seed: 0)
                return try self.lab.backpropMinibatchShallow(
                    self.m, self.m, self.net, T: 1, B: 1, gamma: 0.05, random: &random)
            }),
        ]
        for (name, call) in calls {
            XCTAssertThrowsError(try call(), name) { error in
                XCTAssertEqual(error as? NotImplemented, NotImplemented("ECE285BackpropLab.\(name)"))
            }
        }
    }
}
