// labgrade-bench: benchmarks LabKit's numeric core against raw BLAS.
print("labgrade-bench")
