// Shape manipulation, slicing and indexing, joining, gather/scatter.
#include "pt_common.h"

PT_API pt_tensor pt_reshape(pt_tensor t, const int64_t* shape, int ndim) {
  PT_TRY
  return pt::wrap(t->reshape(pt::dims(shape, ndim)));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_view(pt_tensor t, const int64_t* shape, int ndim) {
  PT_TRY
  return pt::wrap(t->view(pt::dims(shape, ndim)));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_expand(pt_tensor t, const int64_t* shape, int ndim) {
  PT_TRY
  return pt::wrap(t->expand(pt::dims(shape, ndim)));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_repeat(pt_tensor t, const int64_t* repeats, int ndim) {
  PT_TRY
  return pt::wrap(t->repeat(pt::dims(repeats, ndim)));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_permute(pt_tensor t, const int64_t* order, int ndim) {
  PT_TRY
  return pt::wrap(t->permute(pt::dims(order, ndim)));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_transpose(pt_tensor t, int64_t dim0, int64_t dim1) {
  PT_TRY
  return pt::wrap(t->transpose(dim0, dim1));
  PT_CATCH(nullptr)
}

// has_dim == 0 squeezes every size-1 dim.
PT_API pt_tensor pt_squeeze(pt_tensor t, int64_t dim, int has_dim) {
  PT_TRY
  return pt::wrap(has_dim ? t->squeeze(dim) : t->squeeze());
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_unsqueeze(pt_tensor t, int64_t dim) {
  PT_TRY
  return pt::wrap(t->unsqueeze(dim));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_flatten(pt_tensor t, int64_t start_dim, int64_t end_dim) {
  PT_TRY
  return pt::wrap(t->flatten(start_dim, end_dim));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_narrow(pt_tensor t, int64_t dim, int64_t start, int64_t length) {
  PT_TRY
  return pt::wrap(t->narrow(dim, start, length));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_select(pt_tensor t, int64_t dim, int64_t index) {
  PT_TRY
  return pt::wrap(t->select(dim, index));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_slice(pt_tensor t, int64_t dim, int64_t start, int64_t end, int64_t step) {
  PT_TRY
  return pt::wrap(t->slice(dim, start, end, step));
  PT_CATCH(nullptr)
}

// x[index] with an int64 (gather rows) or bool (mask) tensor, as in Python indexing.
PT_API pt_tensor pt_index(pt_tensor t, pt_tensor index) {
  PT_TRY
  return pt::wrap(t->index({*index}));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_index_select(pt_tensor t, int64_t dim, pt_tensor index) {
  PT_TRY
  return pt::wrap(t->index_select(dim, *index));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_masked_fill(pt_tensor t, pt_tensor mask, double value) {
  PT_TRY
  return pt::wrap(t->masked_fill(*mask, value));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_cat(const pt_tensor* items, int n, int64_t dim) {
  PT_TRY
  return pt::wrap(at::cat(pt::tensor_list(items, n), dim));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_stack(const pt_tensor* items, int n, int64_t dim) {
  PT_TRY
  return pt::wrap(at::stack(pt::tensor_list(items, n), dim));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_gather(pt_tensor t, int64_t dim, pt_tensor index) {
  PT_TRY
  return pt::wrap(at::gather(*t, dim, *index));
  PT_CATCH(nullptr)
}

// Out-of-place scatter (add != 0: scatter_add).
PT_API pt_tensor pt_scatter(pt_tensor t, int64_t dim, pt_tensor index, pt_tensor src, int add) {
  PT_TRY
  return pt::wrap(add ? at::scatter_add(*t, dim, *index, *src) : at::scatter(*t, dim, *index, *src));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_one_hot(pt_tensor t, int64_t num_classes) {
  PT_TRY
  return pt::wrap(at::one_hot(*t, num_classes));
  PT_CATCH(nullptr)
}
