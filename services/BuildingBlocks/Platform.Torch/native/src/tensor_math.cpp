// Elementwise math, comparisons, reductions and matmul. Op families share one entry point
// with an op code (mirrored by enums on the managed side) to keep the ABI small.
#include "pt_common.h"

namespace {
at::Scalar scalar(double d, int64_t i, int is_int) { return is_int ? at::Scalar(i) : at::Scalar(d); }
}  // namespace

PT_API pt_tensor pt_unary(pt_tensor t, int op) {
  PT_TRY
  const at::Tensor& x = *t;
  switch (op) {
    case 0: return pt::wrap(at::neg(x));
    case 1: return pt::wrap(at::exp(x));
    case 2: return pt::wrap(at::log(x));
    case 3: return pt::wrap(at::sqrt(x));
    case 4: return pt::wrap(at::abs(x));
    case 5: return pt::wrap(at::sign(x));
    case 6: return pt::wrap(at::relu(x));
    case 7: return pt::wrap(at::sigmoid(x));
    case 8: return pt::wrap(at::tanh(x));
    case 9: return pt::wrap(at::square(x));
    case 10: return pt::wrap(at::rsqrt(x));
    case 11: return pt::wrap(at::floor(x));
    case 12: return pt::wrap(at::ceil(x));
    case 13: return pt::wrap(at::round(x));
    case 14: return pt::wrap(at::logical_not(x));
    case 15: return pt::wrap(at::sin(x));
    case 16: return pt::wrap(at::cos(x));
    case 17: return pt::wrap(at::log1p(x));
    case 18: return pt::wrap(at::expm1(x));
    case 19: return pt::wrap(at::reciprocal(x));
    case 20: return pt::wrap(at::isnan(x));
    default: TORCH_CHECK(false, "unknown unary op code ", op);
  }
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_binary(pt_tensor a, pt_tensor b, int op) {
  PT_TRY
  const at::Tensor& x = *a;
  const at::Tensor& y = *b;
  switch (op) {
    case 0: return pt::wrap(at::add(x, y));
    case 1: return pt::wrap(at::sub(x, y));
    case 2: return pt::wrap(at::mul(x, y));
    case 3: return pt::wrap(at::div(x, y));
    case 4: return pt::wrap(at::pow(x, y));
    case 5: return pt::wrap(at::eq(x, y));
    case 6: return pt::wrap(at::ne(x, y));
    case 7: return pt::wrap(at::lt(x, y));
    case 8: return pt::wrap(at::le(x, y));
    case 9: return pt::wrap(at::gt(x, y));
    case 10: return pt::wrap(at::ge(x, y));
    case 11: return pt::wrap(at::maximum(x, y));
    case 12: return pt::wrap(at::minimum(x, y));
    case 13: return pt::wrap(at::remainder(x, y));
    case 14: return pt::wrap(at::logical_and(x, y));
    case 15: return pt::wrap(at::logical_or(x, y));
    default: TORCH_CHECK(false, "unknown binary op code ", op);
  }
  PT_CATCH(nullptr)
}

// Scalar right operand; codes 11/12 clamp from below/above, 16/17 are scalar-minus/over-tensor.
PT_API pt_tensor pt_binary_scalar(pt_tensor a, double d, int64_t i, int is_int, int op) {
  PT_TRY
  const at::Tensor& x = *a;
  auto s = scalar(d, i, is_int);
  switch (op) {
    case 0: return pt::wrap(at::add(x, s));
    case 1: return pt::wrap(at::sub(x, s));
    case 2: return pt::wrap(at::mul(x, s));
    case 3: return pt::wrap(at::div(x, s));
    case 4: return pt::wrap(at::pow(x, s));
    case 5: return pt::wrap(at::eq(x, s));
    case 6: return pt::wrap(at::ne(x, s));
    case 7: return pt::wrap(at::lt(x, s));
    case 8: return pt::wrap(at::le(x, s));
    case 9: return pt::wrap(at::gt(x, s));
    case 10: return pt::wrap(at::ge(x, s));
    case 11: return pt::wrap(at::clamp_min(x, s));
    case 12: return pt::wrap(at::clamp_max(x, s));
    case 13: return pt::wrap(at::remainder(x, s));
    case 16: return pt::wrap(at::rsub(x, s));
    case 17: return pt::wrap(at::mul(at::reciprocal(x), s));
    default: TORCH_CHECK(false, "unknown scalar op code ", op);
  }
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_clamp(pt_tensor t, double min, double max) {
  PT_TRY
  return pt::wrap(at::clamp(*t, min, max));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_where(pt_tensor cond, pt_tensor a, pt_tensor b) {
  PT_TRY
  return pt::wrap(at::where(*cond, *a, *b));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_matmul(pt_tensor a, pt_tensor b) {
  PT_TRY
  return pt::wrap(at::matmul(*a, *b));
  PT_CATCH(nullptr)
}

// ndims == 0 reduces over all elements (argmax/argmin then index the flattened tensor).
PT_API pt_tensor pt_reduce(pt_tensor t, int op, const int64_t* dims, int ndims, int keepdim) {
  PT_TRY
  const at::Tensor& x = *t;
  bool all = ndims == 0;
  bool k = keepdim != 0;
  auto d = pt::dims(dims, ndims);
  switch (op) {
    case 0: return pt::wrap(all ? at::sum(x) : at::sum(x, d, k));
    case 1: return pt::wrap(all ? at::mean(x) : at::mean(x, d, k));
    case 2: TORCH_CHECK(ndims <= 1, "prod reduces over one dim"); return pt::wrap(all ? at::prod(x) : at::prod(x, dims[0], k));
    case 3: return pt::wrap(all ? at::max(x) : at::amax(x, d, k));
    case 4: return pt::wrap(all ? at::min(x) : at::amin(x, d, k));
    case 5: TORCH_CHECK(ndims <= 1, "argmax reduces over one dim"); return pt::wrap(all ? at::argmax(x) : at::argmax(x, dims[0], k));
    case 6: TORCH_CHECK(ndims <= 1, "argmin reduces over one dim"); return pt::wrap(all ? at::argmin(x) : at::argmin(x, dims[0], k));
    case 7: return pt::wrap(all ? at::std(x) : at::std(x, d, /*unbiased=*/true, k));
    case 8: return pt::wrap(all ? at::var(x) : at::var(x, d, /*unbiased=*/true, k));
    case 9: return pt::wrap(at::logsumexp(x, all ? at::IntArrayRef{} : d, k));
    case 10: TORCH_CHECK(ndims <= 1, "all reduces over one dim"); return pt::wrap(all ? at::all(x) : at::all(x, dims[0], k));
    case 11: TORCH_CHECK(ndims <= 1, "any reduces over one dim"); return pt::wrap(all ? at::any(x) : at::any(x, dims[0], k));
    default: TORCH_CHECK(false, "unknown reduction op code ", op);
  }
  PT_CATCH(nullptr)
}

// max/min along a dim: values and indices (torch.max(x, dim)).
PT_API int pt_max_min_dim(pt_tensor t, int is_max, int64_t dim, int keepdim, pt_tensor* values, pt_tensor* indices) {
  PT_TRY
  auto r = is_max ? at::max(*t, dim, keepdim != 0) : at::min(*t, dim, keepdim != 0);
  *values = pt::wrap(std::get<0>(r));
  *indices = pt::wrap(std::get<1>(r));
  return 0;
  PT_CATCH(-1)
}

PT_API pt_tensor pt_norm(pt_tensor t, double p, const int64_t* dims, int ndims, int keepdim) {
  PT_TRY
  if (ndims == 0) return pt::wrap(at::norm(*t, p));
  return pt::wrap(at::norm(*t, p, pt::dims(dims, ndims), keepdim != 0));
  PT_CATCH(nullptr)
}

PT_API int pt_allclose(pt_tensor a, pt_tensor b, double rtol, double atol, int* out) {
  PT_TRY
  *out = at::allclose(*a, *b, rtol, atol) ? 1 : 0;
  return 0;
  PT_CATCH(-1)
}
