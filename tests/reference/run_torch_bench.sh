#!/usr/bin/env bash
# C# (Platform.Torch) vs Python torch, side by side: the same small CNN, data, seed and
# thread count. Runs each side REPEATS times (alternating which goes first) and prints one
# line per benchmark with the medians and the ratio C#/Python (also of the fastest runs and of
# process CPU time, which show through the noise of a shared machine), then the max abs difference
# of the per-sample curvature scores of the two sides.
#
#   tests/reference/run_torch_bench.sh [options passed to both sides, e.g. --threads 2 --device cpu]
#   tests/reference/run_torch_bench.sh --bench estimators   (the four curvature estimators: scores/s and agreement)
#
# Environment: REPEATS (3), TORCH_BENCH_CS (command of the C# harness; default: Release build
# of tests/Platform.Benchmarks run with dotnet), TORCH_BENCH_PYTHON (/usr/bin/python3, Debian's
# torch), RESULTS_DIR (a temp dir). OPENBLAS_NUM_THREADS=1 and the glibc malloc tuning are set
# for both sides (../shared/reference/env-torch.md explains why).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
repeats="${REPEATS:-3}"
python="${TORCH_BENCH_PYTHON:-/usr/bin/python3}"
results="${RESULTS_DIR:-$(mktemp -d)}"
mkdir -p "$results"
export OPENBLAS_NUM_THREADS=1
export GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824

if [[ -z "${TORCH_BENCH_CS:-}" ]]; then
  dotnet build -c Release "$root/tests/Platform.Benchmarks" -nodeReuse:false -v q >&2
  TORCH_BENCH_CS="dotnet $root/tests/Platform.Benchmarks/bin/Release/net10.0/Platform.Benchmarks.dll"
fi

run_cs() { $TORCH_BENCH_CS torch --scores-out "$results/cs_scores.txt" "$@" | tee -a "$results/cs.txt"; }
run_py() { "$python" "$root/tests/reference/bench_torch.py" --scores-out "$results/py_scores.txt" "$@" | tee -a "$results/py.txt"; }

: >"$results/cs.txt"
: >"$results/py.txt"
for ((i = 1; i <= repeats; i++)); do
  echo "# repeat $i/$repeats" >&2
  if ((i % 2)); then run_cs "$@" >&2; run_py "$@" >&2; else run_py "$@" >&2; run_cs "$@" >&2; fi
done

"$python" - "$results" <<'PY'
import statistics, sys
import numpy as np
d = sys.argv[1]
def parse(path):
    runs = {}
    for line in open(path):
        f = dict(kv.split("=", 1) for kv in line.split())
        runs.setdefault(f["bench"], []).append((float(f["seconds"]), f["check"], f["device"], f["threads"], float(f["cpu_seconds"])))
    return runs
cs, py = parse(d + "/cs.txt"), parse(d + "/py.txt")
for bench in cs:
    c = statistics.median(r[0] for r in cs[bench])
    p = statistics.median(r[0] for r in py[bench])
    cc = statistics.median(r[4] for r in cs[bench])
    pc = statistics.median(r[4] for r in py[bench])
    same = {r[1] for r in cs[bench]} == {r[1] for r in py[bench]}
    dev, thr = cs[bench][0][2], cs[bench][0][3]
    cmin, pmin = min(r[0] for r in cs[bench]), min(r[0] for r in py[bench])
    print(f"{bench:<12} device={dev} threads={thr} C# {c:8.3f} s  Python {p:8.3f} s  ratio C#/Python {c / p:5.3f}  "
          f"| best runs C# {cmin:.3f} s Python {pmin:.3f} s ratio {cmin / pmin:5.3f} "
          f"| cpu time C# {cc:.3f} s Python {pc:.3f} s ratio {cc / pc:5.3f} "
          f"(median of {len(cs[bench])}; C# runs {' '.join(f'{r[0]:.2f}' for r in cs[bench])}; Python {' '.join(f'{r[0]:.2f}' for r in py[bench])}; same result: {'yes' if same else 'NO'})")
import os
for name in ("hutchinson_trace", "fd_gradnorm", "fd_gradnorm_sq", "zo_mixed_abs"):
    if os.path.exists(f"{d}/cs_scores.txt.{name}") and os.path.exists(f"{d}/py_scores.txt.{name}"):
        a, b = np.loadtxt(f"{d}/cs_scores.txt.{name}"), np.loadtxt(f"{d}/py_scores.txt.{name}")
        n = a.size
        rel = np.abs(a - b).max() / np.abs(b).max()
        c = statistics.median(r[0] for r in cs["est_" + name])
        p = statistics.median(r[0] for r in py["est_" + name])
        print(f"est_{name:<16} scores/s C# {n / c:8.1f}  Python {n / p:8.1f}  (time ratio C#/Python {c / p:5.3f}); "
              f"{n} samples, max |C# - Python| / max |score| = {rel:.2g}")
try:
    a, b = np.loadtxt(d + "/cs_scores.txt"), np.loadtxt(d + "/py_scores.txt")
    print(f"curvature scores: {a.size} samples, max abs diff C# vs Python {np.abs(a - b).max():.3g}, mean {a.mean():.6g}")
except OSError:
    pass
PY
echo "results in $results" >&2
