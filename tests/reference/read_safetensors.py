"""Reads a safetensors file written by Platform.Torch and prints its tensors as JSON.

Used by Platform.Torch.Tests to confirm that PyTorch reads what C# writes:
    /usr/bin/python3 tests/reference/read_safetensors.py FILE
prints {"metadata": {...}, "tensors": {name: {"dtype", "shape", "values" (as float64 list)}}}.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import safetensors_io  # noqa: E402

tensors, metadata = safetensors_io.load(sys.argv[1])
print(json.dumps({
    "metadata": metadata,
    "tensors": {
        name: {
            "dtype": str(t.dtype).replace("torch.", ""),
            "shape": list(t.shape),
            "values": t.double().reshape(-1).tolist(),
        }
        for name, t in tensors.items()
    },
}))
