#!/usr/bin/env bash
# Run HERE (a machine with dotnet and Debian's Fashion-MNIST) before scripts/gpu/run.sh is run
# on a GPU machine. Fills .publish/gpu/ (ignored by git, so it travels only when carried):
#   harness/        trimmed self-contained publish of the torch benchmarks (no dotnet needed there)
#   fashion-mnist/  the first 10,000 training images (IDX, re-headed) and the full test split
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="$root/.publish/gpu"
rm -rf "$dest/harness" "$dest/fashion-mnist"
mkdir -p "$dest/fashion-mnist"

# harness/TorchBenchHarness.csproj compiles tests/Platform.Benchmarks/Torch/*.cs into a standalone
# program with only Platform.Torch and Platform.Vision behind it (trim settings in that csproj).
dotnet publish "$root/scripts/gpu/harness" -c Release -nodeReuse:false -v q -o "$dest/harness"
rm -f "$dest/harness"/*.pdb "$dest/harness"/*.xml

src="${PLATFORM_FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}"
/usr/bin/python3 - "$src" "$dest/fashion-mnist" <<'PY'
import gzip, os, shutil, struct, sys
src, dst = sys.argv[1], sys.argv[2]
n = 10000  # the benchmark's training subset; keeps the carry small
images = gzip.open(os.path.join(src, "train-images-idx3-ubyte.gz")).read()
labels = gzip.open(os.path.join(src, "train-labels-idx1-ubyte.gz")).read()
with gzip.open(os.path.join(dst, "train-images-idx3-ubyte.gz"), "wb") as f:
    f.write(struct.pack(">iiii", 0x803, n, 28, 28) + images[16:16 + n * 784])
with gzip.open(os.path.join(dst, "train-labels-idx1-ubyte.gz"), "wb") as f:
    f.write(struct.pack(">ii", 0x801, n) + labels[8:8 + n])
for name in ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
    shutil.copy(os.path.join(src, name), dst)
PY
du -sh "$dest/harness" "$dest/fashion-mnist"
echo "ready: carry .publish/gpu and run 'bash scripts/gpu/run.sh' on the GPU machine (scripts/gpu/README.md)"
