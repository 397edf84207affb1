"""Generates the PyTorch parity fixtures of Platform.Torch.Tests.

Run from the repository root with Debian's torch (python3-torch 1.13):
    /usr/bin/python3 tests/reference/generate_fixtures.py
Writes tests/Platform.Torch.Tests/Fixtures/*.safetensors, *.json and tiny_mlp.pt.
"""
import json
import math
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import safetensors_io  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Platform.Torch.Tests", "Fixtures")
torch.set_num_threads(1)


def small_cnn():
    # Same layer order and names as SmallCnn in ParityTests.cs.
    return nn.Sequential(
        nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(4, 8, 3, padding=1), nn.GroupNorm(2, 8), nn.GELU(), nn.AvgPool2d(2),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(8, 10))


def cnn_fixture():
    torch.manual_seed(0)
    model = small_cnn()
    out = {"init." + k: v.clone() for k, v in model.state_dict().items()}
    g = torch.Generator().manual_seed(1)
    x = torch.randn(4, 1, 8, 8, generator=g)
    y = torch.tensor([3, 0, 9, 5])
    v = torch.randn(4, 1, 8, 8, generator=g)
    out.update({"x": x, "y": y, "v": v})

    model.train()
    out["train_logits"] = model(x).detach()
    out["train_running_mean"] = model[1].running_mean.clone()
    out["train_running_var"] = model[1].running_var.clone()

    model.eval()
    logits = model(x)
    loss = F.cross_entropy(logits, y)
    loss.backward()
    out["eval_logits"] = logits.detach()
    out["eval_loss"] = loss.detach()
    for name, p in model.named_parameters():
        out["grad." + name] = p.grad.clone()

    # Input curvature: HVP of the summed per-sample cross-entropy w.r.t. the input.
    xi = x.clone().requires_grad_(True)
    per_sample = F.cross_entropy(model(xi), y, reduction="none")
    (gx,) = torch.autograd.grad(per_sample.sum(), xi, create_graph=True)
    (hvp,) = torch.autograd.grad((gx * v).sum(), xi)
    out["per_sample_loss"] = per_sample.detach()
    out["input_grad"] = gx.detach()
    out["input_hvp"] = hvp
    safetensors_io.save(os.path.join(OUT, "cnn_parity.safetensors"), out, {"source": "tests/reference/generate_fixtures.py", "torch": torch.__version__})


def linear_init_fixture():
    torch.manual_seed(42)
    lin = nn.Linear(5, 3)
    conv = nn.Conv2d(2, 4, (3, 2), groups=2)
    out = {"linear.weight": lin.weight, "linear.bias": lin.bias, "conv.weight": conv.weight, "conv.bias": conv.bias}
    safetensors_io.save(os.path.join(OUT, "init_parity.safetensors"), {k: v.detach() for k, v in out.items()})


def losses_fixture():
    g = torch.Generator().manual_seed(2)
    logits = torch.randn(5, 4, generator=g)
    labels = torch.tensor([0, 3, 1, 1, 2])
    target = torch.softmax(torch.randn(5, 4, generator=g), 1)
    reg = torch.randn(5, 4, generator=g)
    out = {"logits": logits, "labels": labels, "target": target, "reg": reg}
    for red in ("none", "mean", "sum"):
        out["ce_" + red] = F.cross_entropy(logits, labels, reduction=red)
        out["ce_ls_" + red] = F.cross_entropy(logits, labels, reduction=red, label_smoothing=0.1)
        out["nll_" + red] = F.nll_loss(F.log_softmax(logits, 1), labels, reduction=red)
        out["mse_" + red] = F.mse_loss(logits, reg, reduction=red)
    out["kl_batchmean"] = F.kl_div(F.log_softmax(logits, 1), target, reduction="batchmean")
    out["kl_sum"] = F.kl_div(F.log_softmax(logits, 1), target, reduction="sum")
    out["softmax"] = F.softmax(logits, 1)
    out["log_softmax"] = F.log_softmax(logits, 1)
    out["gelu"] = F.gelu(logits)
    out["gelu_tanh"] = F.gelu(logits, approximate="tanh")
    safetensors_io.save(os.path.join(OUT, "losses.safetensors"), out)


def optimizer_fixture():
    g = torch.Generator().manual_seed(3)
    p0 = torch.randn(3, 2, generator=g)
    grads = [torch.randn(3, 2, generator=g) for _ in range(3)]
    out = {"p0": p0}
    for i, gr in enumerate(grads):
        out["grad%d" % i] = gr
    makers = {
        "sgd": lambda p: torch.optim.SGD([p], lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01),
        "sgd_plain": lambda p: torch.optim.SGD([p], lr=0.1, momentum=0.5, dampening=0.1),
        "adam": lambda p: torch.optim.Adam([p], lr=0.01, weight_decay=0.01),
        "adamw": lambda p: torch.optim.AdamW([p], lr=0.01, weight_decay=0.1),
        "rmsprop": lambda p: torch.optim.RMSprop([p], lr=0.01, momentum=0.5, centered=True, weight_decay=0.01),
    }
    for name, make in makers.items():
        p = p0.clone().requires_grad_(True)
        opt = make(p)
        for i, gr in enumerate(grads):
            p.grad = gr.clone()
            opt.step()
            out["%s_step%d" % (name, i)] = p.detach().clone()
    safetensors_io.save(os.path.join(OUT, "optimizers.safetensors"), out)


def schedules_fixture():
    def run(make, steps=20):
        p = torch.zeros(1, requires_grad=True)
        opt = torch.optim.SGD([p], lr=0.1)
        sched = make(opt)
        lrs = []
        for _ in range(steps):
            lrs.append(opt.param_groups[0]["lr"])
            opt.step()
            sched.step()
        return lrs

    lr = torch.optim.lr_scheduler
    data = {
        "step": run(lambda o: lr.StepLR(o, step_size=3, gamma=0.5)),
        "cosine": run(lambda o: lr.CosineAnnealingLR(o, T_max=10, eta_min=0.001), steps=11),
        "linear": run(lambda o: lr.LinearLR(o, start_factor=0.25, total_iters=4)),
        "onecycle": run(lambda o: lr.OneCycleLR(o, max_lr=0.5, total_steps=20), steps=20),
    }
    with open(os.path.join(OUT, "schedules.json"), "w") as f:
        json.dump(data, f, indent=1)


def dtypes_fixture():
    out = {
        "f32": torch.tensor([[1.5, -2.25], [3.0, 1e-3]]),
        "f64": torch.tensor([math.pi, -math.e], dtype=torch.float64),
        "bf16": torch.tensor([1.0, -0.5, 3.140625], dtype=torch.bfloat16),
        "f16": torch.tensor([0.5, 65504.0], dtype=torch.float16),
        "i64": torch.tensor([-(2 ** 40), 7]),
        "i32": torch.tensor([[-3], [2 ** 30]], dtype=torch.int32),
        "u8": torch.tensor([0, 255], dtype=torch.uint8),
        "bool": torch.tensor([True, False, True]),
        "scalar": torch.tensor(2.5),
    }
    safetensors_io.save(os.path.join(OUT, "dtypes.safetensors"), out, {"writer": "python"})


class TinyMlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 6)
        self.fc2 = nn.Linear(6, 3)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def torchscript_fixture():
    torch.manual_seed(5)
    model = TinyMlp().eval()
    scripted = torch.jit.script(model)
    scripted.save(os.path.join(OUT, "tiny_mlp.pt"))
    x = torch.randn(2, 4, requires_grad=True)
    y = model(x)
    (gx,) = torch.autograd.grad(y.square().sum(), x)
    out = {"x": x.detach(), "y": y.detach(), "input_grad": gx, "fc1.weight": model.fc1.weight.detach()}
    safetensors_io.save(os.path.join(OUT, "tiny_mlp.safetensors"), out)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    cnn_fixture()
    linear_init_fixture()
    losses_fixture()
    optimizer_fixture()
    schedules_fixture()
    dtypes_fixture()
    torchscript_fixture()
    print("fixtures written to", os.path.normpath(OUT))
