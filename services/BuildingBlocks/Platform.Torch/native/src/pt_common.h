// Shared declarations of the platform_torch C ABI shim.
//
// Every exported function is `extern "C"`, takes and returns opaque handles (heap-allocated
// at::Tensor / at::Generator / torch::jit::Module) and never lets a C++ exception escape:
// PT_TRY/PT_CATCH store the message in a thread-local slot (pt_last_error) and return a
// sentinel (nullptr for handles, -1 for status codes) that the managed side turns into an
// exception carrying libtorch's own message.
#pragma once

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <torch/csrc/autograd/autograd.h>
#include <torch/csrc/autograd/grad_mode.h>

#include <cstdint>
#include <exception>
#include <string>
#include <vector>

#define PT_API extern "C" __attribute__((visibility("default")))

typedef at::Tensor* pt_tensor;
typedef at::Generator* pt_generator;

namespace pt {

void set_last_error(const char* message);
char* copy_string(const std::string& s);

// Wraps a tensor result in a new heap handle owned by the caller (freed by pt_tensor_free).
inline pt_tensor wrap(at::Tensor t) { return new at::Tensor(std::move(t)); }

inline at::IntArrayRef dims(const int64_t* values, int n) { return at::IntArrayRef(values, static_cast<size_t>(n)); }

inline std::vector<at::Tensor> tensor_list(const pt_tensor* items, int n) {
  std::vector<at::Tensor> list;
  list.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) list.push_back(*items[i]);
  return list;
}

at::TensorOptions options(int dtype, int device_type, int device_index, bool requires_grad = false);

inline at::Device device(int device_type, int device_index) {
  return at::Device(static_cast<c10::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index));
}

}  // namespace pt

#define PT_TRY try {
#define PT_CATCH(sentinel)                                  \
  }                                                         \
  catch (const c10::Error& e) {                             \
    pt::set_last_error(e.what_without_backtrace());         \
    return sentinel;                                        \
  }                                                         \
  catch (const std::exception& e) {                         \
    pt::set_last_error(e.what());                           \
    return sentinel;                                        \
  }                                                         \
  catch (...) {                                             \
    pt::set_last_error("unknown native error in platform_torch"); \
    return sentinel;                                        \
  }
