// The model solution of Task 3.2: forward and backward pass of the UDL toy model.
import Foundation
import LabKit

extension UppsalaLab1 {
    public func toyForwardPass(x: Double, y: Double, _ p: UppsalaToyParameters) -> UppsalaToyForwardPass {
        let f0 = p.beta0 + p.omega0 * x
        let h1 = sin(f0)
        let f1 = p.beta1 + p.omega1 * h1
        let h2 = exp(f1)
        let f2 = p.beta2 + p.omega2 * h2
        let h3 = cos(f2)
        let f3 = p.beta3 + p.omega3 * h3
        return UppsalaToyForwardPass(
            f0: f0, h1: h1, f1: f1, h2: h2, f2: f2, h3: h3, f3: f3, loss: (f3 - y) * (f3 - y))
    }

    public func toyBackwardPass(_ forward: UppsalaToyForwardPass, y: Double, _ p: UppsalaToyParameters)
        -> UppsalaToyBackwardPass
    {
        let dldf3 = 2 * (forward.f3 - y)
        let dldh3 = p.omega3 * dldf3
        let dldf2 = -sin(forward.f2) * dldh3
        let dldh2 = p.omega2 * dldf2
        let dldf1 = exp(forward.f1) * dldh2
        let dldh1 = p.omega1 * dldf1
        let dldf0 = cos(forward.f0) * dldh1
        return UppsalaToyBackwardPass(
            dldf3: dldf3, dldh3: dldh3, dldf2: dldf2, dldh2: dldh2, dldf1: dldf1, dldh1: dldh1, dldf0: dldf0)
    }

    public func toyParameterGradients(_ forward: UppsalaToyForwardPass, _ backward: UppsalaToyBackwardPass, x: Double)
        -> UppsalaToyParameters
    {
        UppsalaToyParameters(
            beta0: backward.dldf0, beta1: backward.dldf1, beta2: backward.dldf2, beta3: backward.dldf3,
            omega0: x * backward.dldf0, omega1: forward.h1 * backward.dldf1,
            omega2: forward.h2 * backward.dldf2, omega3: forward.h3 * backward.dldf3)
    }
}
