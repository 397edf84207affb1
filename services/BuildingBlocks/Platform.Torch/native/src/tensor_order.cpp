// Ordering (sort, topk, cumsum) and linear algebra (SVD).
#include "pt_common.h"

PT_API int pt_sort(pt_tensor t, int64_t dim, int descending, pt_tensor* values, pt_tensor* indices) {
  PT_TRY
  auto r = at::sort(*t, dim, descending != 0);
  *values = pt::wrap(std::get<0>(r));
  *indices = pt::wrap(std::get<1>(r));
  return 0;
  PT_CATCH(-1)
}

PT_API int pt_topk(pt_tensor t, int64_t k, int64_t dim, int largest, pt_tensor* values, pt_tensor* indices) {
  PT_TRY
  auto r = at::topk(*t, k, dim, largest != 0, /*sorted=*/true);
  *values = pt::wrap(std::get<0>(r));
  *indices = pt::wrap(std::get<1>(r));
  return 0;
  PT_CATCH(-1)
}

PT_API pt_tensor pt_cumsum(pt_tensor t, int64_t dim) {
  PT_TRY
  return pt::wrap(at::cumsum(*t, dim));
  PT_CATCH(nullptr)
}

// Biased (unbiased == 0) or unbiased variance / standard deviation over dims (all if ndims == 0).
PT_API pt_tensor pt_var_std(pt_tensor t, const int64_t* dims, int ndims, int unbiased, int keepdim, int std) {
  PT_TRY
  auto d = ndims == 0 ? at::IntArrayRef{} : pt::dims(dims, ndims);
  bool u = unbiased != 0, k = keepdim != 0;
  if (ndims == 0) return pt::wrap(std ? at::std(*t, u) : at::var(*t, u));
  return pt::wrap(std ? at::std(*t, d, u, k) : at::var(*t, d, u, k));
  PT_CATCH(nullptr)
}

// torch.linalg.svd: A = U diag(S) Vh.
PT_API int pt_svd(pt_tensor a, int full_matrices, pt_tensor* u, pt_tensor* s, pt_tensor* vh) {
  PT_TRY
  auto r = at::linalg_svd(*a, full_matrices != 0);
  *u = pt::wrap(std::get<0>(r));
  *s = pt::wrap(std::get<1>(r));
  *vh = pt::wrap(std::get<2>(r));
  return 0;
  PT_CATCH(-1)
}
