// Your solution to Uppsala 1RT720 Lab 1. Each exercise lives in its own file as an extension of this type.
import LabKit

/// Linear regression and backpropagation, Uppsala 1RT720 Lab 1. Keep the name: the grader looks for it.
struct UppsalaLab1: UppsalaBackpropLab {}
