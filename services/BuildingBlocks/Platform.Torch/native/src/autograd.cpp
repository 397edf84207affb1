// Autograd: backward, grads (with create_graph for double backward), grad access.
#include "pt_common.h"

// gradient may be null (scalar outputs); retain_graph < 0 means "same as create_graph".
PT_API int pt_backward(pt_tensor t, pt_tensor gradient, int retain_graph, int create_graph) {
  PT_TRY
  at::Tensor g = gradient ? *gradient : at::Tensor();
  bool retain = retain_graph < 0 ? create_graph != 0 : retain_graph != 0;
  t->backward(g, retain, create_graph != 0);
  return 0;
  PT_CATCH(-1)
}

// torch.autograd.grad. grad_outputs may be null (all outputs scalar) and its entries may be
// null. out receives n_inputs handles; an unused input gives a null handle when allow_unused.
PT_API int pt_autograd_grad(const pt_tensor* outputs, int n_outputs, const pt_tensor* inputs, int n_inputs,
                            const pt_tensor* grad_outputs, int retain_graph, int create_graph, int allow_unused,
                            pt_tensor* out) {
  PT_TRY
  auto outs = pt::tensor_list(outputs, n_outputs);
  auto ins = pt::tensor_list(inputs, n_inputs);
  std::vector<at::Tensor> gos;
  if (grad_outputs) {
    for (int i = 0; i < n_outputs; ++i) gos.push_back(grad_outputs[i] ? *grad_outputs[i] : at::Tensor());
  }
  bool retain = retain_graph < 0 ? create_graph != 0 : retain_graph != 0;
  auto grads = torch::autograd::grad(outs, ins, gos, retain, create_graph != 0, allow_unused != 0);
  for (int i = 0; i < n_inputs; ++i) out[i] = grads[i].defined() ? pt::wrap(grads[i]) : nullptr;
  return 0;
  PT_CATCH(-1)
}

// Writes the .grad handle (null when no gradient has been accumulated).
PT_API int pt_tensor_grad(pt_tensor t, pt_tensor* out) {
  PT_TRY
  const auto& g = t->grad();
  *out = g.defined() ? pt::wrap(g) : nullptr;
  return 0;
  PT_CATCH(-1)
}

// Sets .grad to None (optimizer.zero_grad(set_to_none=True)).
PT_API int pt_tensor_clear_grad(pt_tensor t) {
  PT_TRY
  t->mutable_grad() = at::Tensor();
  return 0;
  PT_CATCH(-1)
}

PT_API int pt_tensor_is_leaf(pt_tensor t) { return t->is_leaf() ? 1 : 0; }
