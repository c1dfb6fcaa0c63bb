// Your solution to ECE 285 Assignment 1. Each exercise lives in its own file as an extension of this type.
import LabKit

/// The shallow network of ECE 285 Assignment 1. Keep the name: the grader looks for it.
struct ECE285Assignment1: ECE285BackpropLab {}
