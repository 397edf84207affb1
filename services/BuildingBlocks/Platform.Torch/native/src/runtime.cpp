// Process-wide runtime settings: threads, seeds, devices, grad mode, generators.
#include "pt_common.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/version.h>

#include <malloc.h>
#include <sstream>

PT_API int pt_set_num_threads(int n) {
  PT_TRY
  at::set_num_threads(n);
  return 0;
  PT_CATCH(-1)
}

PT_API int pt_get_num_threads() { return at::get_num_threads(); }

PT_API int pt_manual_seed(uint64_t seed) {
  PT_TRY
  at::manual_seed(seed);
  return 0;
  PT_CATCH(-1)
}

PT_API int pt_cuda_is_available() { return torch::cuda::is_available() ? 1 : 0; }

PT_API int pt_cuda_device_count() { return static_cast<int>(torch::cuda::device_count()); }

PT_API int pt_cuda_synchronize(int device_index) {
  PT_TRY
  torch::cuda::synchronize(device_index);
  return 0;
  PT_CATCH(-1)
}

// Parses "cpu", "cuda", "cuda:1" with libtorch's own parser so its error text reaches C#.
PT_API int pt_device_parse(const char* text, int* device_type, int* device_index) {
  PT_TRY
  at::Device d{std::string(text)};
  *device_type = static_cast<int>(d.type());
  *device_index = d.has_index() ? d.index() : -1;
  return 0;
  PT_CATCH(-1)
}

PT_API char* pt_version() { return pt::copy_string(TORCH_VERSION); }

PT_API int pt_grad_enabled() { return at::GradMode::is_enabled() ? 1 : 0; }

PT_API void pt_set_grad_enabled(int enabled) { at::GradMode::set_enabled(enabled != 0); }

PT_API pt_generator pt_generator_new(uint64_t seed) {
  PT_TRY
  return new at::Generator(at::detail::createCPUGenerator(seed));
  PT_CATCH(nullptr)
}

PT_API int pt_generator_manual_seed(pt_generator g, uint64_t seed) {
  PT_TRY
  std::lock_guard<std::mutex> lock(g->mutex());
  g->set_current_seed(seed);
  return 0;
  PT_CATCH(-1)
}

// Large tensor buffers otherwise fall under glibc's dynamic mmap threshold and page-fault
// afresh on every allocation (measured 1.2-3.9x slower steps); same effect as
// GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824.
PT_API int pt_tune_malloc(int64_t mmap_threshold, int64_t trim_threshold) {
  int ok = mallopt(M_MMAP_THRESHOLD, static_cast<int>(mmap_threshold));
  ok &= mallopt(M_TRIM_THRESHOLD, static_cast<int>(trim_threshold));
  if (!ok) pt::set_last_error("mallopt rejected the malloc thresholds");
  return ok ? 0 : -1;
}
