"""Generates the model fixtures of Platform.Vision.Tests with Debian's torch (python3-torch 1.13).

Run from the repository root:
    /usr/bin/python3 tests/reference/generate_vision_fixtures.py
torchvision is not packaged in Debian, so its ResNet-18 and VGG are restated here with the same
module names, construction order and initialisation (torchvision/models/resnet.py, vgg.py).
Writes tests/Platform.Vision.Tests/Fixtures/models.safetensors (inputs, eval-mode outputs)
and models.json (parameter counts).
"""
import json
import os
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import safetensors_io  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Platform.Vision.Tests", "Fixtures")
torch.set_num_threads(1)


def norm(kind, c):
    return {"bn": lambda: nn.BatchNorm2d(c), "gn": lambda: nn.GroupNorm(min(32, c), c), "none": lambda: None}[kind]()


def torchvision_init(model, linear_normal):
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
            if m.bias is not None:
                nn.init.constant_(m.bias, 0)
        elif isinstance(m, (nn.BatchNorm2d, nn.GroupNorm)):
            nn.init.constant_(m.weight, 1)
            nn.init.constant_(m.bias, 0)
        elif isinstance(m, nn.Linear) and linear_normal:
            nn.init.normal_(m.weight, 0, 0.01)
            nn.init.constant_(m.bias, 0)


def conv_block(layers, cin, cout, kind, pool):
    layers.append(nn.Conv2d(cin, cout, 3, padding=1))
    n = norm(kind, cout)
    if n is not None:
        layers.append(n)
    layers.append(nn.ReLU())
    if pool:
        layers.append(nn.MaxPool2d(2))


class SmallCnn(nn.Module):
    def __init__(self, cin, classes, size, kind="bn", w1=32, w2=64):
        super().__init__()
        layers = []
        conv_block(layers, cin, w1, kind, True)
        conv_block(layers, w1, w2, kind, True)
        self.features = nn.Sequential(*layers)
        self.flatten = nn.Flatten()
        self.classifier = nn.Linear(w2 * (size // 4) ** 2, classes)

    def forward(self, x):
        return self.classifier(self.flatten(self.features(x)))


class LeNet5(nn.Module):
    def __init__(self, cin, classes, size):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(cin, 6, 5, padding=(32 - size) // 2), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2))
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(),
                                        nn.Linear(84, classes))

    def forward(self, x):
        return self.classifier(self.features(x))


class Mlp(nn.Module):
    def __init__(self, cin, classes, size, hidden=(512, 256)):
        super().__init__()
        layers, width = [nn.Flatten()], cin * size * size
        for h in hidden:
            layers += [nn.Linear(width, h), nn.ReLU()]
            width = h
        layers.append(nn.Linear(width, classes))
        self.layers = nn.Sequential(*layers)

    def forward(self, x):
        return self.layers(x)


class BasicBlock(nn.Module):
    def __init__(self, cin, c, stride, kind, downsample):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, c, 3, stride, 1, bias=False)
        self.bn1 = norm(kind, c)
        self.relu = nn.ReLU()
        self.conv2 = nn.Conv2d(c, c, 3, 1, 1, bias=False)
        self.bn2 = norm(kind, c)
        self.downsample = downsample

    def forward(self, x):
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        identity = self.downsample(x) if self.downsample is not None else x
        return self.relu(out + identity)


class ResNet18(nn.Module):
    def __init__(self, cin, classes, cifar, kind="bn"):
        super().__init__()
        self.inplanes = 64
        self.conv1 = nn.Conv2d(cin, 64, 3, 1, 1, bias=False) if cifar else nn.Conv2d(cin, 64, 7, 2, 3, bias=False)
        self.bn1 = norm(kind, 64)
        self.relu = nn.ReLU()
        self.maxpool = None if cifar else nn.MaxPool2d(3, 2, 1)
        self.layer1 = self._make_layer(64, 1, kind)
        self.layer2 = self._make_layer(128, 2, kind)
        self.layer3 = self._make_layer(256, 2, kind)
        self.layer4 = self._make_layer(512, 2, kind)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(512, classes)
        torchvision_init(self, linear_normal=False)

    def _make_layer(self, planes, stride, kind):
        downsample = None
        if stride != 1 or self.inplanes != planes:
            downsample = nn.Sequential(nn.Conv2d(self.inplanes, planes, 1, stride, bias=False), norm(kind, planes))
        layers = [BasicBlock(self.inplanes, planes, stride, kind, downsample)]
        self.inplanes = planes
        layers.append(BasicBlock(planes, planes, 1, kind, None))
        return nn.Sequential(*layers)

    def forward(self, x):
        x = self.relu(self.bn1(self.conv1(x)))
        if self.maxpool is not None:
            x = self.maxpool(x)
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return self.fc(torch.flatten(self.avgpool(x), 1))


VGG = {11: [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
       16: [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"]}


class Vgg(nn.Module):
    def __init__(self, depth, cin, classes, kind="bn", imagenet_head=False):
        super().__init__()
        layers, c = [], cin
        for v in VGG[depth]:
            if v == "M":
                layers.append(nn.MaxPool2d(2, 2))
            else:
                conv_block(layers, c, v, kind, False)
                c = v
        self.features = nn.Sequential(*layers)
        if imagenet_head:
            self.avgpool = nn.AdaptiveAvgPool2d(7)
            self.classifier = nn.Sequential(nn.Linear(512 * 49, 4096), nn.ReLU(), nn.Dropout(), nn.Linear(4096, 4096),
                                            nn.ReLU(), nn.Dropout(), nn.Linear(4096, classes))
        else:
            self.avgpool = nn.AdaptiveAvgPool2d(1)
            self.classifier = nn.Sequential(nn.Linear(512, classes))
        torchvision_init(self, linear_normal=True)

    def forward(self, x):
        return self.classifier(torch.flatten(self.avgpool(self.features(x)), 1))


# name -> (builder, input shape or None for count only). Names match ModelParityTests.cs.
CASES = {
    "mlp": (lambda: Mlp(1, 10, 28), (2, 1, 28, 28)),
    "lenet5": (lambda: LeNet5(1, 10, 28), (2, 1, 28, 28)),
    "lenet5-32": (lambda: LeNet5(3, 10, 32), (2, 3, 32, 32)),
    "smallcnn": (lambda: SmallCnn(1, 10, 28), (2, 1, 28, 28)),
    "smallcnn-gn": (lambda: SmallCnn(1, 10, 28, "gn"), (2, 1, 28, 28)),
    "resnet18-cifar": (lambda: ResNet18(3, 10, True), (2, 3, 32, 32)),
    "resnet18-cifar-gn": (lambda: ResNet18(3, 10, True, "gn"), (2, 3, 32, 32)),
    "resnet18": (lambda: ResNet18(3, 1000, False), (1, 3, 64, 64)),
    "vgg11": (lambda: Vgg(11, 3, 10), (2, 3, 32, 32)),
    "vgg16": (lambda: Vgg(16, 3, 10), (2, 3, 32, 32)),
    "vgg16-gn": (lambda: Vgg(16, 3, 10, "gn"), (2, 3, 32, 32)),
    "vgg11-plain-imagenet": (lambda: Vgg(11, 3, 1000, "none", True), None),
}


def main():
    os.makedirs(OUT, exist_ok=True)
    tensors, counts = {}, {}
    for name, (build, shape) in CASES.items():
        torch.manual_seed(0)
        model = build().eval()
        counts[name] = sum(p.numel() for p in model.parameters())
        if shape is not None:
            x = torch.randn(*shape, generator=torch.Generator().manual_seed(1))
            with torch.no_grad():
                tensors[name + ".x"] = x
                tensors[name + ".out"] = model(x)
    safetensors_io.save(os.path.join(OUT, "models.safetensors"), tensors)
    with open(os.path.join(OUT, "models.json"), "w") as f:
        json.dump(counts, f, indent=1, sort_keys=True)
    print(json.dumps(counts, indent=1))


if __name__ == "__main__":
    main()
