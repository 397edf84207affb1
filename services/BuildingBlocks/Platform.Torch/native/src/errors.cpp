// Thread-local last-error slot and string/handle release entry points.
#include "pt_common.h"

#include <cstdlib>
#include <cstring>

namespace {
thread_local std::string last_error;
}

namespace pt {
void set_last_error(const char* message) { last_error = message ? message : ""; }

at::TensorOptions options(int dtype, int device_type, int device_index, bool requires_grad) {
  return at::TensorOptions()
      .dtype(static_cast<at::ScalarType>(dtype))
      .device(device(device_type, device_index))
      .requires_grad(requires_grad);
}
}  // namespace pt

// Returns the message of the last failed call on this thread (valid until the next failure).
PT_API const char* pt_last_error() { return last_error.c_str(); }

PT_API void pt_clear_error() { last_error.clear(); }

// Strings returned by the shim (ToString, version) are malloc'ed and released here.
PT_API void pt_free_string(char* s) { std::free(s); }

PT_API void pt_tensor_free(pt_tensor t) { delete t; }

PT_API void pt_generator_free(pt_generator g) { delete g; }

namespace pt {
char* copy_string(const std::string& s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (out) std::memcpy(out, s.c_str(), s.size() + 1);
  return out;
}
}  // namespace pt
