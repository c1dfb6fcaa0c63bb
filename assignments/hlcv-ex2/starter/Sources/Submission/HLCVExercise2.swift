// Your solution to HLCV Exercise 2. Each exercise lives in its own file as an extension of this type.
import LabKit

/// The two-layer network of HLCV Exercise 2. Keep the name: the grader looks for it.
struct HLCVExercise2: HLCVTwoLayerNetLab {}
