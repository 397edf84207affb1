// CUDA caching-allocator statistics. Compiled against CUDA only when the libtorch in use
// ships libtorch_cuda (PT_WITH_CUDA) and the CUDA headers are reachable; otherwise every
// function reports "not available" so one source serves Debian's CPU-only libtorch 1.13 and
// the CUDA wheels (2.x). getDeviceStats/resetPeakStats exist in both; index 0 of each
// StatArray is StatType::AGGREGATE in both (the enum moved namespaces between versions).
#include "pt_common.h"

#if defined(PT_WITH_CUDA) && __has_include(<c10/cuda/CUDACachingAllocator.h>) && __has_include(<cuda_runtime_api.h>)
#include <c10/cuda/CUDACachingAllocator.h>
#include <torch/cuda.h>
#define PT_CUDA_STATS 1
#endif

PT_API int pt_cuda_memory_stats_available() {
#ifdef PT_CUDA_STATS
  return 1;
#else
  return 0;
#endif
}

// Writes allocated/reserved current and peak bytes into stats[0..3]. Returns 0 with zeros
// when statistics are not compiled in or CUDA is absent, -1 on a libtorch error.
PT_API int pt_cuda_memory_stats(int device_index, int64_t* stats) {
  PT_TRY
  for (int i = 0; i < 4; ++i) stats[i] = 0;
#ifdef PT_CUDA_STATS
  if (!torch::cuda::is_available()) return 0;
  auto s = c10::cuda::CUDACachingAllocator::getDeviceStats(device_index);
  stats[0] = s.allocated_bytes[0].current;
  stats[1] = s.reserved_bytes[0].current;
  stats[2] = s.allocated_bytes[0].peak;
  stats[3] = s.reserved_bytes[0].peak;
#endif
  return 0;
  PT_CATCH(-1)
}

PT_API int pt_cuda_reset_peak_memory_stats(int device_index) {
  PT_TRY
#ifdef PT_CUDA_STATS
  if (torch::cuda::is_available()) c10::cuda::CUDACachingAllocator::resetPeakStats(device_index);
#endif
  return 0;
  PT_CATCH(-1)
}

PT_API int pt_cuda_empty_cache() {
  PT_TRY
#ifdef PT_CUDA_STATS
  if (torch::cuda::is_available()) c10::cuda::CUDACachingAllocator::emptyCache();
#endif
  return 0;
  PT_CATCH(-1)
}
