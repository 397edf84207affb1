// TorchScript modules (torch::jit::load): forward, parameters, train/eval, device moves.
#include "pt_common.h"

#include <torch/script.h>

typedef torch::jit::Module* pt_script_module;

PT_API pt_script_module pt_jit_load(const char* path, int device_type, int device_index) {
  PT_TRY
  return new torch::jit::Module(torch::jit::load(std::string(path), pt::device(device_type, device_index)));
  PT_CATCH(nullptr)
}

PT_API void pt_jit_free(pt_script_module m) { delete m; }

PT_API pt_tensor pt_jit_forward(pt_script_module m, const pt_tensor* inputs, int n) {
  PT_TRY
  std::vector<torch::jit::IValue> args;
  for (int i = 0; i < n; ++i) args.emplace_back(*inputs[i]);
  auto result = m->forward(args);
  TORCH_CHECK(result.isTensor(), "TorchScript forward returned ", result.tagKind(), ", expected a single Tensor");
  return pt::wrap(result.toTensor());
  PT_CATCH(nullptr)
}

PT_API int pt_jit_train(pt_script_module m, int on) {
  PT_TRY
  m->train(on != 0);
  return 0;
  PT_CATCH(-1)
}

PT_API int pt_jit_to(pt_script_module m, int device_type, int device_index, int dtype) {
  PT_TRY
  if (dtype < 0) m->to(pt::device(device_type, device_index));
  else m->to(pt::device(device_type, device_index), static_cast<at::ScalarType>(dtype));
  return 0;
  PT_CATCH(-1)
}

// Returns the number of named parameters (recursive); fills up to `capacity` handles and
// malloc'ed names (released with pt_free_string).
PT_API int pt_jit_named_parameters(pt_script_module m, pt_tensor* tensors, char** names, int capacity) {
  PT_TRY
  int i = 0;
  for (const auto& p : m->named_parameters(/*recurse=*/true)) {
    if (i < capacity) {
      tensors[i] = pt::wrap(p.value);
      names[i] = pt::copy_string(p.name);
    }
    ++i;
  }
  return i;
  PT_CATCH(-1)
}
