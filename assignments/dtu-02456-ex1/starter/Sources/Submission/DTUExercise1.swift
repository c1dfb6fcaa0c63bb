// Your solution to DTU 02456 Exercise 1. Each exercise lives in its own file as an extension of this type.
import LabKit

/// The derivations of DTU 02456 Exercise 1, written as functions. Keep the name: the grader looks for it.
struct DTUExercise1: DTUPenAndPaperLab {}
