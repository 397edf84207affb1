// Tensor factories. Generators are CPU generators: with a CUDA target and an explicit
// generator the values are drawn on the CPU and moved, so a seed gives the same numbers
// on every device.
#include "pt_common.h"

namespace {
at::TensorOptions cpu_of(const at::TensorOptions& o) { return o.device(at::kCPU); }

at::Tensor sampled(const at::TensorOptions& o, pt_generator g, const std::function<at::Tensor(const at::TensorOptions&)>& draw) {
  if (g == nullptr || o.device().is_cpu()) return draw(o);
  return draw(cpu_of(o)).to(o.device());
}
}  // namespace

// at:: factories ignore requires_grad in TensorOptions (only torch:: ones honour it), so it is set on the result.

// Copies `nbytes` of host memory laid out as a contiguous tensor of dtype/shape.
PT_API pt_tensor pt_tensor_from_data(const void* data, int64_t nbytes, const int64_t* shape, int ndim, int dtype,
                                     int device_type, int device_index) {
  PT_TRY
  auto cpu = at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype));
  auto t = at::empty(pt::dims(shape, ndim), cpu);
  int64_t expected = t.numel() * static_cast<int64_t>(t.element_size());
  TORCH_CHECK(expected == nbytes, "data has ", nbytes, " bytes but shape ", t.sizes(), " of ", t.scalar_type(),
              " needs ", expected);
  if (nbytes > 0) std::memcpy(t.data_ptr(), data, static_cast<size_t>(nbytes));
  return pt::wrap(device_type == 0 ? t : t.to(pt::device(device_type, device_index)));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_empty(const int64_t* shape, int ndim, int dtype, int device_type, int device_index, int requires_grad) {
  PT_TRY
  return pt::wrap(at::empty(pt::dims(shape, ndim), pt::options(dtype, device_type, device_index)).requires_grad_(requires_grad != 0));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_zeros(const int64_t* shape, int ndim, int dtype, int device_type, int device_index, int requires_grad) {
  PT_TRY
  return pt::wrap(at::zeros(pt::dims(shape, ndim), pt::options(dtype, device_type, device_index)).requires_grad_(requires_grad != 0));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_ones(const int64_t* shape, int ndim, int dtype, int device_type, int device_index, int requires_grad) {
  PT_TRY
  return pt::wrap(at::ones(pt::dims(shape, ndim), pt::options(dtype, device_type, device_index)).requires_grad_(requires_grad != 0));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_full(const int64_t* shape, int ndim, double value, int dtype, int device_type, int device_index,
                         int requires_grad) {
  PT_TRY
  return pt::wrap(at::full(pt::dims(shape, ndim), value, pt::options(dtype, device_type, device_index)).requires_grad_(requires_grad != 0));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_arange(double start, double end, double step, int dtype, int device_type, int device_index) {
  PT_TRY
  return pt::wrap(at::arange(start, end, step, pt::options(dtype, device_type, device_index)));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_rand(const int64_t* shape, int ndim, pt_generator g, int dtype, int device_type, int device_index) {
  PT_TRY
  auto o = pt::options(dtype, device_type, device_index);
  return pt::wrap(sampled(o, g, [&](const at::TensorOptions& x) {
    return g ? at::rand(pt::dims(shape, ndim), *g, x) : at::rand(pt::dims(shape, ndim), x);
  }));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_randn(const int64_t* shape, int ndim, pt_generator g, int dtype, int device_type, int device_index) {
  PT_TRY
  auto o = pt::options(dtype, device_type, device_index);
  return pt::wrap(sampled(o, g, [&](const at::TensorOptions& x) {
    return g ? at::randn(pt::dims(shape, ndim), *g, x) : at::randn(pt::dims(shape, ndim), x);
  }));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_randint(int64_t low, int64_t high, const int64_t* shape, int ndim, pt_generator g, int dtype,
                            int device_type, int device_index) {
  PT_TRY
  auto o = pt::options(dtype, device_type, device_index);
  return pt::wrap(sampled(o, g, [&](const at::TensorOptions& x) {
    return g ? at::randint(low, high, pt::dims(shape, ndim), *g, x) : at::randint(low, high, pt::dims(shape, ndim), x);
  }));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_randperm(int64_t n, pt_generator g, int dtype, int device_type, int device_index) {
  PT_TRY
  auto o = pt::options(dtype, device_type, device_index);
  return pt::wrap(sampled(o, g, [&](const at::TensorOptions& x) {
    return g ? at::randperm(n, *g, x) : at::randperm(n, x);
  }));
  PT_CATCH(nullptr)
}

// In-place initialisers (nn.init semantics) drawing from the given or the default generator.
PT_API int pt_uniform_(pt_tensor t, double from, double to, pt_generator g) {
  PT_TRY
  at::NoGradGuard no_grad;
  if (g) t->uniform_(from, to, *g); else t->uniform_(from, to);
  return 0;
  PT_CATCH(-1)
}

PT_API int pt_normal_(pt_tensor t, double mean, double std, pt_generator g) {
  PT_TRY
  at::NoGradGuard no_grad;
  if (g) t->normal_(mean, std, *g); else t->normal_(mean, std);
  return 0;
  PT_CATCH(-1)
}
