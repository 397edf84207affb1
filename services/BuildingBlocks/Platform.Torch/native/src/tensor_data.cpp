// Tensor metadata, host copies, conversions and the in-place updates optimizers need.
#include "pt_common.h"

#include <sstream>

PT_API int pt_tensor_ndim(pt_tensor t) { return static_cast<int>(t->dim()); }

// Writes up to `capacity` sizes; returns the rank.
PT_API int pt_tensor_shape(pt_tensor t, int64_t* out, int capacity) {
  auto sizes = t->sizes();
  for (int i = 0; i < capacity && i < static_cast<int>(sizes.size()); ++i) out[i] = sizes[i];
  return static_cast<int>(sizes.size());
}

PT_API int64_t pt_tensor_numel(pt_tensor t) { return t->numel(); }

PT_API int pt_tensor_dtype(pt_tensor t) { return static_cast<int>(t->scalar_type()); }

PT_API int pt_tensor_device(pt_tensor t, int* device_index) {
  *device_index = t->device().has_index() ? t->device().index() : -1;
  return static_cast<int>(t->device().type());
}

PT_API int pt_tensor_requires_grad(pt_tensor t) { return t->requires_grad() ? 1 : 0; }

PT_API int pt_tensor_set_requires_grad(pt_tensor t, int value) {
  PT_TRY
  t->requires_grad_(value != 0);
  return 0;
  PT_CATCH(-1)
}

// Copies the tensor's values (as a contiguous CPU tensor of its own dtype) into host memory.
PT_API int pt_tensor_copy_to(pt_tensor t, void* dst, int64_t nbytes) {
  PT_TRY
  auto src = t->detach().to(at::kCPU).contiguous();
  int64_t have = src.numel() * static_cast<int64_t>(src.element_size());
  TORCH_CHECK(have == nbytes, "tensor of shape ", src.sizes(), " and dtype ", src.scalar_type(), " has ", have,
              " bytes but the destination holds ", nbytes);
  if (nbytes > 0) std::memcpy(dst, src.data_ptr(), static_cast<size_t>(nbytes));
  return 0;
  PT_CATCH(-1)
}

PT_API int pt_tensor_item_double(pt_tensor t, double* out) {
  PT_TRY
  *out = t->item().toDouble();
  return 0;
  PT_CATCH(-1)
}

PT_API int pt_tensor_item_long(pt_tensor t, int64_t* out) {
  PT_TRY
  *out = t->item().toLong();
  return 0;
  PT_CATCH(-1)
}

// dtype < 0 keeps the dtype; device_type < 0 keeps the device.
PT_API pt_tensor pt_tensor_to(pt_tensor t, int device_type, int device_index, int dtype, int copy) {
  PT_TRY
  auto d = device_type < 0 ? t->device() : pt::device(device_type, device_index);
  auto s = dtype < 0 ? t->scalar_type() : static_cast<at::ScalarType>(dtype);
  return pt::wrap(t->to(d, s, /*non_blocking=*/false, copy != 0));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_tensor_contiguous(pt_tensor t) {
  PT_TRY
  return pt::wrap(t->contiguous());
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_tensor_clone(pt_tensor t) {
  PT_TRY
  return pt::wrap(t->clone());
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_tensor_detach(pt_tensor t) {
  PT_TRY
  return pt::wrap(t->detach());
  PT_CATCH(nullptr)
}

// A second handle to the same tensor (shares storage and autograd identity).
PT_API pt_tensor pt_tensor_alias(pt_tensor t) {
  PT_TRY
  return pt::wrap(*t);
  PT_CATCH(nullptr)
}

PT_API char* pt_tensor_to_string(pt_tensor t) {
  PT_TRY
  std::ostringstream os;
  os << *t;
  return pt::copy_string(os.str());
  PT_CATCH(nullptr)
}

// Replaces the data behind a tensor (keeps its identity), as module.to() does in PyTorch.
PT_API int pt_tensor_set_data(pt_tensor t, pt_tensor data) {
  PT_TRY
  t->set_data(*data);
  return 0;
  PT_CATCH(-1)
}

PT_API int pt_tensor_copy_(pt_tensor t, pt_tensor src) {
  PT_TRY
  at::NoGradGuard no_grad;
  t->copy_(*src);
  return 0;
  PT_CATCH(-1)
}

PT_API int pt_tensor_zero_(pt_tensor t) {
  PT_TRY
  at::NoGradGuard no_grad;
  t->zero_();
  return 0;
  PT_CATCH(-1)
}

PT_API int pt_tensor_fill_(pt_tensor t, double value) {
  PT_TRY
  at::NoGradGuard no_grad;
  t->fill_(value);
  return 0;
  PT_CATCH(-1)
}

// t += alpha * other
PT_API int pt_tensor_add_(pt_tensor t, pt_tensor other, double alpha) {
  PT_TRY
  t->add_(*other, alpha);
  return 0;
  PT_CATCH(-1)
}

PT_API int pt_tensor_mul_scalar_(pt_tensor t, double value) {
  PT_TRY
  t->mul_(value);
  return 0;
  PT_CATCH(-1)
}

// is_int selects an integer scalar so that integer tensors (counters) stay integer.
PT_API int pt_tensor_add_scalar_(pt_tensor t, double value, int64_t ivalue, int is_int) {
  PT_TRY
  if (is_int) t->add_(ivalue); else t->add_(value);
  return 0;
  PT_CATCH(-1)
}

// t += value * a * b
PT_API int pt_tensor_addcmul_(pt_tensor t, pt_tensor a, pt_tensor b, double value) {
  PT_TRY
  t->addcmul_(*a, *b, value);
  return 0;
  PT_CATCH(-1)
}

// t += value * a / b
PT_API int pt_tensor_addcdiv_(pt_tensor t, pt_tensor a, pt_tensor b, double value) {
  PT_TRY
  t->addcdiv_(*a, *b, value);
  return 0;
  PT_CATCH(-1)
}

PT_API int pt_tensor_sqrt_(pt_tensor t) {
  PT_TRY
  t->sqrt_();
  return 0;
  PT_CATCH(-1)
}

PT_API int pt_tensor_maximum_(pt_tensor t, pt_tensor other) {
  PT_TRY
  at::maximum_out(*t, *t, *other);
  return 0;
  PT_CATCH(-1)
}
