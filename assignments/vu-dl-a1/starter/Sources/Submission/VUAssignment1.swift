// Your solution to VU Deep Learning Assignment 1. Each exercise lives in its own file as an extension of this type.
import LabKit

/// The MLP of VU Assignment 1. Keep the name: the grader looks for it.
struct VUAssignment1: VUMLPLab {}
