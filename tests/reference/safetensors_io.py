"""Minimal safetensors reader/writer over torch (the `safetensors` package is not in Debian).

Format: 8-byte little-endian header length, JSON header {name: {dtype, shape, data_offsets}}
(optional "__metadata__" of strings), then raw little-endian tensor bytes.
"""
import json
import struct

import torch

DTYPES = {
    torch.float64: "F64", torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16",
    torch.int64: "I64", torch.int32: "I32", torch.int16: "I16", torch.int8: "I8",
    torch.uint8: "U8", torch.bool: "BOOL",
}
NAMES = {v: k for k, v in DTYPES.items()}


def _to_bytes(t):
    t = t.detach().contiguous().cpu()
    # view as uint8 keeps the exact bit pattern of every dtype (bf16 included)
    return t.reshape(-1).view(torch.uint8).numpy().tobytes() if t.numel() else b""


def save(path, tensors, metadata=None):
    header, blobs, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = dict(metadata)
    for name in sorted(tensors):
        t = tensors[name]
        data = _to_bytes(t)
        header[name] = {"dtype": DTYPES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    raw = json.dumps(header, separators=(",", ":")).encode()
    raw += b" " * ((8 - len(raw) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(raw)))
        f.write(raw)
        for b in blobs:
            f.write(b)


def load(path):
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        data = f.read()
    metadata = header.pop("__metadata__", {})
    out = {}
    for name, e in header.items():
        b, end = e["data_offsets"]
        dtype = NAMES[e["dtype"]]
        buf = bytearray(data[b:end])
        flat = torch.frombuffer(buf, dtype=torch.uint8) if buf else torch.empty(0, dtype=torch.uint8)
        out[name] = flat.view(dtype).reshape(e["shape"]).clone()
    return out, metadata
