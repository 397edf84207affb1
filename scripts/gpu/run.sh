#!/usr/bin/env bash
# Run THERE: a CUDA machine with PyTorch (a wheel with CUDA) but no dotnet, in a copy of this
# repository with .publish/gpu/ from scripts/gpu/prepare.sh carried along. It
#   1. builds the Platform.Torch shim with CMake against the wheel's libtorch,
#   2. runs the key parity checks on the GPU (CNN forward/loss/input HVP vs the PyTorch
#      fixtures of Platform.Torch.Tests, zoo models vs Platform.Vision.Tests' fixtures,
#      CUDA memory statistics),
#   3. runs the C#-vs-Python benchmarks on the GPU (and on its CPU with CPU_BENCH=1),
# writing everything to $OUT (or .publish/gpu/out). Exit status: non-zero if a step failed.
# Environment: PYTHON (python3), DEVICE (cuda), THREADS (2), BENCH_ARGS (extra options for both sides), REPEATS (3).
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
carry="$root/.publish/gpu"
out="${OUT:-$carry/out}"
python="${PYTHON:-python3}"
threads="${THREADS:-2}"
device="${DEVICE:-cuda}"  # DEVICE=cpu rehearses the whole script on a machine without a GPU
mkdir -p "$out"
status=0
step() { echo "== $*" | tee -a "$out/build.log"; }

if [[ ! -x "$carry/harness/platform-torch-bench" || ! -d "$carry/fashion-mnist" ]]; then
  echo "missing $carry/harness or $carry/fashion-mnist: run scripts/gpu/prepare.sh on a dotnet machine and carry .publish/gpu" >&2
  exit 2
fi

step "host"
{ nvidia-smi -L || true; "$python" -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, "available", torch.cuda.is_available())'; } 2>&1 | tee -a "$out/build.log"

step "build the shim against the wheel's libtorch"
prefix="$("$python" -c 'import torch; print(torch.utils.cmake_prefix_path)')"
build=/tmp/platform-torch-shim
start=$(date +%s)
if cmake -S "$root/services/BuildingBlocks/Platform.Torch/native" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" >>"$out/build.log" 2>&1 \
  && cmake --build "$build" -j "$(nproc)" >>"$out/build.log" 2>&1; then
  echo "shim built in $(( $(date +%s) - start )) s" | tee -a "$out/build.log"
else
  echo "shim build FAILED (see build.log)"; tail -40 "$out/build.log"; exit 1
fi
harness=/tmp/platform-harness
rm -rf "$harness" && cp -r "$carry/harness" "$harness"
cp "$build/libplatform_torch.so" "$harness/"
chmod +x "$harness/platform-torch-bench"
grep -q "torch_cuda" <(ldd "$harness/libplatform_torch.so") && echo "shim links libtorch_cuda" | tee -a "$out/build.log"

export PLATFORM_FASHION_MNIST_DIR="$carry/fashion-mnist"
fixtures=/tmp/platform-fixtures
mkdir -p "$fixtures"
cp "$root/tests/Platform.Torch.Tests/Fixtures/cnn_parity.safetensors" "$root/tests/Platform.Vision.Tests/Fixtures/models.safetensors" "$fixtures/"

step "parity checks on $device"
"$harness/platform-torch-bench" torch --bench check --device "$device" --fixtures "$fixtures" 2>&1 | tee "$out/check.txt"
[[ ${PIPESTATUS[0]} -eq 0 ]] || status=1

step "benchmarks on $device (C# vs Python, ${REPEATS:-3} runs each)"
# shellcheck disable=SC2086
TORCH_BENCH_CS="$harness/platform-torch-bench" TORCH_BENCH_PYTHON="$python" RESULTS_DIR="$out/gpu" \
  bash "$root/tests/reference/run_torch_bench.sh" --device "$device" --threads "$threads" ${BENCH_ARGS:-} 2>>"$out/build.log" | tee "$out/bench_gpu.txt"
[[ ${PIPESTATUS[0]} -eq 0 ]] || status=1

if [[ "${CPU_BENCH:-0}" == 1 ]]; then
  step "benchmarks on this host's cpu (wheel torch)"
  # shellcheck disable=SC2086
  TORCH_BENCH_CS="$harness/platform-torch-bench" TORCH_BENCH_PYTHON="$python" RESULTS_DIR=/tmp/platform-bench-cpu \
    bash "$root/tests/reference/run_torch_bench.sh" --device cpu --threads "$threads" ${BENCH_ARGS:-} 2>>"$out/build.log" | tee "$out/bench_cpu.txt"
  [[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
fi
echo "results in $out (status $status)"
exit $status
