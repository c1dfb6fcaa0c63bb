// NumPyWorkloads: the NumPy side of `labgrade-bench numpy`, the same algorithms as the references.

/// The Python program `labgrade-bench numpy` runs: it reads the inputs the Swift side wrote (raw
/// float64 and int64 files named in `manifest.json`), runs each workload exactly as the reference
/// solutions do — the same data, initial weights and sample orders — and prints one JSON object
/// of seconds and final losses. Its second argument picks the part: `gemm` (run with the library's
/// own thread count) or `training` (run with one BLAS thread, as LabKit's side and grading do).
enum NumPyWorkloads {
    static let script = #"""
import json, os, sys, time
import numpy as np

folder, part = sys.argv[1], sys.argv[2]
manifest = json.load(open(os.path.join(folder, "manifest.json")))
def load(name):
    entry = manifest[name]
    data = np.fromfile(os.path.join(folder, name), dtype=np.float64 if entry["type"] == "f8" else np.int64)
    return data.reshape(entry["shape"])

results = {"numpy": np.__version__}
try:
    results["blas"] = np.show_config(mode="dicts")["Build Dependencies"]["blas"]["name"]
except Exception:
    results["blas"] = "unknown"

def timed(name, body):
    start = time.perf_counter()
    value = body()
    results[name] = {"seconds": time.perf_counter() - start, "value": float(value)}

# GEMM: best of five, into a preallocated product as LabKit's side does.
if part == "gemm":
    A, B = load("gemm_a"), load("gemm_b")
    C = np.empty((A.shape[0], B.shape[1]))
    def once():
        start = time.perf_counter()
        np.matmul(A, B, out=C)
        return time.perf_counter() - start
    best = min(once() for _ in range(5))
    results["gemm"] = {"seconds": best, "value": 2.0 * A.shape[0] * A.shape[1] * B.shape[1] / best / 1e9}
    print(json.dumps(results))
    sys.exit(0)

def sigmoid(x):
    return 1 / (1 + np.exp(-x))

def vu_pass(X, y, W, b, V, c):
    k = X @ W + b
    h = sigmoid(k)
    o = h @ V + c
    shifted = o - o.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    totals = e.sum(axis=1, keepdims=True)
    losses = np.log(totals[:, 0]) - shifted[np.arange(len(y)), y]
    probabilities = e / totals
    dO = probabilities.copy()
    dO[np.arange(len(y)), y] -= 1
    dO /= len(y)
    dV = h.T @ dO
    dK = (dO @ V.T) * h * (1 - h)
    return losses.mean(), X.T @ dK, dK.sum(axis=0, keepdims=True), dV, dO.sum(axis=0, keepdims=True)

X, y, Xval, yval = load("vu_x"), load("vu_y"), load("vu_xval"), load("vu_yval")
def vu_q5():
    W, b, V, c = load("vu_w1").copy(), load("vu_b1").copy(), load("vu_w2").copy(), load("vu_b2").copy()
    losses = []
    for n in load("vu_q5_order"):
        loss, dW, db, dV, dc = vu_pass(X[n:n + 1], y[n:n + 1], W, b, V, c)
        losses.append(loss)
        W -= 0.003 * dW; b -= 0.003 * db; V -= 0.003 * dV; c -= 0.003 * dc
    return np.mean(losses)
timed("vu_q5", vu_q5)

def vu_q7():
    W, b, V, c = load("vu_w1").copy(), load("vu_b1").copy(), load("vu_w2").copy(), load("vu_b2").copy()
    orders = load("vu_q7_orders")
    for order in orders:
        losses = []
        for start in range(0, len(order), 8):
            batch = order[start:start + 8]
            loss, dW, db, dV, dc = vu_pass(X[batch], y[batch], W, b, V, c)
            losses.append(loss)
            W -= 0.003 * dW; b -= 0.003 * db; V -= 0.003 * dV; c -= 0.003 * dc
        # The epoch's validation loss and accuracy, as the reference records them.
        o = sigmoid(Xval @ W + b) @ V + c
        shifted = o - o.max(axis=1, keepdims=True)
        validation = (np.log(np.exp(shifted).sum(axis=1)) - shifted[np.arange(len(yval)), yval]).mean()
        accuracy = (o.argmax(axis=1) == yval).mean()
    return np.mean(losses)
timed("vu_q7", vu_q7)

def ece_full():
    x, d = load("ece_x"), load("ece_d")
    W1, b1, W2, b2 = load("ece_w1").copy(), load("ece_b1").copy(), load("ece_w2").copy(), load("ece_b2").copy()
    def softmax(a):
        e = np.exp(a - a.max(axis=0, keepdims=True))
        return e / e.sum(axis=0, keepdims=True)
    for _ in range(100):
        a1 = W1 @ x + b1
        h1 = np.maximum(a1, 0)
        a2 = W2 @ h1 + b2
        yy = softmax(a2)
        e2 = -d / yy
        ge = yy * e2
        delta2 = ge - ge.sum(axis=0, keepdims=True) * yy
        delta1 = (a1 > 0) * (W2.T @ delta2)
        step = 0.05 / x.shape[1]
        W1 -= step * (delta1 @ x.T); b1 -= step * delta1.sum(axis=1, keepdims=True)
        W2 -= step * (delta2 @ h1.T); b2 -= step * delta2.sum(axis=1, keepdims=True)
        yy = softmax(W2 @ np.maximum(W1 @ x + b1, 0) + b2)
        loss = -(d * np.log(yy)).sum() / d.size
        error = 100 * (yy.argmax(axis=0) != d.argmax(axis=0)).mean()
    return loss
timed("ece_full", ece_full)

def hlcv():
    X, y = load("hlcv_x"), load("hlcv_y")
    W1, b1, W2, b2 = load("hlcv_w1").copy(), load("hlcv_b1").copy(), load("hlcv_w2").copy(), load("hlcv_b2").copy()
    batches, reg, rate = load("hlcv_batches"), 1e-4, 0.5
    per_epoch = max(X.shape[0] / batches.shape[1], 1)
    for it, batch in enumerate(batches):
        Xb, yb = X[batch], y[batch]
        z2 = Xb @ W1 + b1
        a2 = np.maximum(z2, 0)
        z3 = a2 @ W2 + b2
        e = np.exp(z3 - z3.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(p[np.arange(len(yb)), yb]).mean() + reg * ((W1 * W1).sum() + (W2 * W2).sum())
        dz3 = p.copy(); dz3[np.arange(len(yb)), yb] -= 1; dz3 /= len(yb)
        dW2 = a2.T @ dz3 + 2 * reg * W2; db2 = dz3.sum(axis=0, keepdims=True)
        dz2 = (dz3 @ W2.T) * (z2 > 0)
        dW1 = Xb.T @ dz2 + 2 * reg * W1; db1 = dz2.sum(axis=0, keepdims=True)
        W1 -= rate * dW1; b1 -= rate * db1; W2 -= rate * dW2; b2 -= rate * db2
        if it % per_epoch == 0:
            predict = lambda data: (np.maximum(data @ W1 + b1, 0) @ W2 + b2).argmax(axis=1)
            train_accuracy = (predict(Xb) == yb).mean()
            validation_accuracy = (predict(X[:200]) == y[:200]).mean()
            rate *= 0.95
    return loss
timed("hlcv", hlcv)

print(json.dumps(results))
"""#
}
