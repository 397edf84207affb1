"""The Python half of the C#-vs-Python torch benchmarks (run_torch_bench.sh runs both).

Same work as tests/Platform.Benchmarks/Torch (the zoo's "smallcnn" restated as in
generate_vision_fixtures.py, seed 0; the first N Fashion-MNIST images normalised with
mean 0.2860, std 0.3530; the same options and defaults). Prints one line per benchmark:
    bench=NAME seconds=S cpu_seconds=C check=VALUE device=D threads=T
Run with Debian's torch on the CPU (/usr/bin/python3) or a wheel's torch on a GPU host.
"""
import argparse
import gzip
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_vision_fixtures import SmallCnn  # noqa: E402


def load(split, count, device):
    folder = os.environ.get("PLATFORM_FASHION_MNIST_DIR") or "/usr/share/datasets/fashion-mnist"
    prefix = "train" if split == "train" else "t10k"
    images = gzip.open(os.path.join(folder, prefix + "-images-idx3-ubyte.gz")).read()
    labels = gzip.open(os.path.join(folder, prefix + "-labels-idx1-ubyte.gz")).read()
    x = torch.from_numpy(np.frombuffer(images, np.uint8, count * 784, 16).copy()).view(count, 1, 28, 28).float() / 255
    y = torch.from_numpy(np.frombuffer(labels, np.uint8, count, 8).copy()).long()
    x = (x - torch.tensor([0.2860]).view(1, 1, 1, 1)) / torch.tensor([0.3530]).view(1, 1, 1, 1)
    return x.to(device), y.to(device)


def sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize()


def train_epoch(model, x, y, batch, device):
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    model.train()

    def step(xb, yb):
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(xb), yb)
        loss.backward()
        opt.step()
        return loss

    step(x[:batch], y[:batch])  # warm-up outside the clock, as in C#
    sync(device)
    t, c = time.perf_counter(), time.process_time()
    n = x.shape[0]
    for start in range(0, n, batch):
        loss = step(x[start:start + batch], y[start:start + batch])
    last = loss.item()
    sync(device)
    return time.perf_counter() - t, time.process_time() - c, last


def curvature(model, x, y, batch, probes, device):
    model.eval()
    n = x.shape[0]
    scores = torch.empty(n)
    g_cpu = torch.Generator().manual_seed(1234)
    sync(device)
    t, c = time.perf_counter(), time.process_time()
    for start in range(0, n, batch):
        xb = x[start:start + batch].detach().requires_grad_(True)
        loss = F.cross_entropy(model(xb), y[start:start + batch], reduction="none").sum()
        (g,) = torch.autograd.grad(loss, xb, create_graph=True)
        total = None
        for _ in range(probes):
            v = (torch.randint(0, 2, xb.shape, generator=g_cpu).float() * 2 - 1).to(device)
            (hv,) = torch.autograd.grad((g * v).sum(), xb, retain_graph=True)
            quad = (v * hv).sum(dim=(1, 2, 3))
            total = quad if total is None else total + quad
        scores[start:start + batch] = (total / probes).cpu()
    sync(device)
    return time.perf_counter() - t, time.process_time() - c, scores


MASK = (1 << 64) - 1


def mix(z):
    """SplitMix64 finaliser on uint64 arrays (Platform.Curvature's RademacherDirections)."""
    z = (z + np.uint64(0x9E3779B97F4A7C15)) & np.uint64(MASK)
    z = ((z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)) & np.uint64(MASK)
    z = ((z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)) & np.uint64(MASK)
    return z ^ (z >> np.uint64(31))


def rademacher(keys, shape, seed, draw, stream=0):
    """The platform's per-sample ±1 directions: the same (seed, sample key, draw, stream) gives the same v."""
    with np.errstate(over="ignore"):
        per = int(np.prod(shape))
        state = mix(mix(mix(np.full(len(keys), seed, np.uint64)) ^ keys.astype(np.uint64)) ^ np.uint64((draw << 32) | stream))
        out = np.empty((len(keys), per), np.float32)
        bits = np.arange(64, dtype=np.uint64)
        for j in range(0, per, 64):
            state = mix(state)
            count = min(64, per - j)
            out[:, j:j + count] = np.where(((state[:, None] >> bits[None, :count]) & np.uint64(1)) == 0, -1.0, 1.0)
    return torch.from_numpy(out).view(len(keys), *shape)


def input_grad(model, x, y, create_graph=False):
    x = x.detach().requires_grad_(True)
    loss = F.cross_entropy(model(x), y, reduction="none").sum()
    (g,) = torch.autograd.grad(loss, x, create_graph=create_graph)
    return x, g


def est_hutchinson_trace(model, x, y, keys, n, h, device):
    xg, g = input_grad(model, x, y, create_graph=True)
    total = torch.zeros(x.shape[0], dtype=torch.float64)
    for k in range(n):
        v = rademacher(keys, x.shape[1:], 0, k).to(device)
        (hv,) = torch.autograd.grad((g * v).sum(), xg, retain_graph=True)
        total += (v * hv).flatten(1).sum(1).double().cpu()
    return total / n


def est_fd(model, x, y, keys, n, h, device, squared):
    _, g0 = input_grad(model, x, y)
    total = torch.zeros(x.shape[0], dtype=torch.float64)
    for k in range(n):
        r = rademacher(keys, x.shape[1:], 0, k).to(device)
        _, g1 = input_grad(model, x + (r + 1e-7) * h, y)
        sq = (g1 - g0).flatten(1).double().square().sum(1)
        total += (sq if squared else sq.sqrt()).cpu()
    return total / n


def est_zo_mixed_abs(model, x, y, keys, n, h, device):
    model64 = model.double()
    x64 = x.double()
    total = torch.zeros(x.shape[0], dtype=torch.float64)
    with torch.no_grad():
        for k in range(n):
            r = rademacher(keys, x.shape[1:], 0, k, 1).to(device).double() * h
            s = rademacher(keys, x.shape[1:], 0, k, 2).to(device).double() * h
            L = lambda z: F.cross_entropy(model64(z), y, reduction="none")
            total += ((L(x64 + r + s) - L(x64 - r + s) - L(x64 + r - s) + L(x64 - r - s)) / (4 * h)).abs().cpu()
    model.float()
    return total / n


ESTIMATORS = {
    "hutchinson_trace": est_hutchinson_trace,
    "fd_gradnorm": lambda *a: est_fd(*a, squared=False),
    "fd_gradnorm_sq": lambda *a: est_fd(*a, squared=True),
    "zo_mixed_abs": est_zo_mixed_abs,
}


def estimator(model, name, x, y, batch, n, h, device):
    model.eval()
    scores = torch.empty(x.shape[0], dtype=torch.float64)
    sync(device)
    t, c = time.perf_counter(), time.process_time()
    for start in range(0, x.shape[0], batch):
        xb, yb = x[start:start + batch], y[start:start + batch]
        keys = np.arange(start, start + xb.shape[0])
        scores[start:start + xb.shape[0]] = ESTIMATORS[name](model, xb, yb, keys, n, h, device)
    sync(device)
    return time.perf_counter() - t, time.process_time() - c, scores


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bench", default="all", choices=["train", "curvature", "estimators", "all"])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--device", default="cpu")
    p.add_argument("--train-size", type=int, default=10000)
    p.add_argument("--train-batch", type=int, default=128)
    p.add_argument("--curvature-size", type=int, default=2048)
    p.add_argument("--curvature-batch", type=int, default=256)
    p.add_argument("--probes", type=int, default=8)
    p.add_argument("--estimator-size", type=int, default=512)
    p.add_argument("--directions", type=int, default=10)
    p.add_argument("--step", type=float, default=1e-3)
    p.add_argument("--scores-out")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    device = torch.device("cuda" if a.device == "auto" and torch.cuda.is_available() else ("cpu" if a.device == "auto" else a.device))
    torch.manual_seed(0)
    model = SmallCnn(1, 10, 28).to(device)
    if a.bench in ("train", "all"):
        x, y = load("train", a.train_size, device)
        seconds, cpu, loss = train_epoch(model, x, y, a.train_batch, device)
        print(f"bench=train_epoch seconds={seconds:.4f} cpu_seconds={cpu:.4f} check={loss:.9g} device={device} threads={torch.get_num_threads()}", flush=True)
    if a.bench in ("curvature", "all"):
        x, y = load("test", a.curvature_size, device)
        seconds, cpu, scores = curvature(model, x, y, a.curvature_batch, a.probes, device)
        print(f"bench=curvature seconds={seconds:.4f} cpu_seconds={cpu:.4f} check={scores.double().sum().item():.9g} device={device} threads={torch.get_num_threads()}", flush=True)
        if a.scores_out:
            np.savetxt(a.scores_out, scores.numpy(), fmt="%.9g")
    if a.bench == "estimators":
        x, y = load("test", a.estimator_size, device)
        for name in ESTIMATORS:
            n = a.probes if name == "hutchinson_trace" else a.directions
            seconds, cpu, scores = estimator(model, name, x, y, a.curvature_batch, n, a.step, device)
            print(f"bench=est_{name} seconds={seconds:.4f} cpu_seconds={cpu:.4f} check={scores.sum().item():.5g} device={device} "
                  f"threads={torch.get_num_threads()} samples_per_second={x.shape[0] / seconds:.1f}", flush=True)
            if a.scores_out:
                np.savetxt(a.scores_out + "." + name, scores.numpy(), fmt="%.17g")


if __name__ == "__main__":
    main()
