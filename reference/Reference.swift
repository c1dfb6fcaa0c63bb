// Reference: the model solutions of the five labs, written as a student would write them.
import LabKit

/// Namespace of the reference solutions; each lab's conforming type lives in its own file.
public enum ReferenceSolutions {}
