// torch.nn.functional: layers' math and losses. Optional tensors (bias, weights) are
// passed as null handles.
#include "pt_common.h"

namespace {
at::Tensor opt(pt_tensor t) { return t ? *t : at::Tensor(); }
}  // namespace

PT_API pt_tensor pt_linear(pt_tensor input, pt_tensor weight, pt_tensor bias) {
  PT_TRY
  return pt::wrap(at::linear(*input, *weight, opt(bias)));
  PT_CATCH(nullptr)
}

// stride/padding/dilation are {h, w} pairs.
PT_API pt_tensor pt_conv2d(pt_tensor input, pt_tensor weight, pt_tensor bias, const int64_t* stride,
                           const int64_t* padding, const int64_t* dilation, int64_t groups) {
  PT_TRY
  return pt::wrap(at::conv2d(*input, *weight, opt(bias), pt::dims(stride, 2), pt::dims(padding, 2),
                             pt::dims(dilation, 2), groups));
  PT_CATCH(nullptr)
}

// Updates running_mean/running_var in place when training (PyTorch semantics).
PT_API pt_tensor pt_batch_norm(pt_tensor input, pt_tensor weight, pt_tensor bias, pt_tensor running_mean,
                               pt_tensor running_var, int training, double momentum, double eps) {
  PT_TRY
  return pt::wrap(at::batch_norm(*input, opt(weight), opt(bias), opt(running_mean), opt(running_var), training != 0,
                                 momentum, eps, at::globalContext().userEnabledCuDNN()));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_group_norm(pt_tensor input, int64_t num_groups, pt_tensor weight, pt_tensor bias, double eps) {
  PT_TRY
  return pt::wrap(at::group_norm(*input, num_groups, opt(weight), opt(bias), eps,
                                 at::globalContext().userEnabledCuDNN()));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_gelu(pt_tensor input, int tanh_approximation) {
  PT_TRY
  return pt::wrap(at::gelu(*input, tanh_approximation ? "tanh" : "none"));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_max_pool2d(pt_tensor input, const int64_t* kernel, const int64_t* stride, const int64_t* padding,
                               const int64_t* dilation, int ceil_mode) {
  PT_TRY
  return pt::wrap(at::max_pool2d(*input, pt::dims(kernel, 2), pt::dims(stride, 2), pt::dims(padding, 2),
                                 pt::dims(dilation, 2), ceil_mode != 0));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_avg_pool2d(pt_tensor input, const int64_t* kernel, const int64_t* stride, const int64_t* padding,
                               int ceil_mode, int count_include_pad) {
  PT_TRY
  return pt::wrap(at::avg_pool2d(*input, pt::dims(kernel, 2), pt::dims(stride, 2), pt::dims(padding, 2),
                                 ceil_mode != 0, count_include_pad != 0));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_adaptive_avg_pool2d(pt_tensor input, const int64_t* output_size) {
  PT_TRY
  return pt::wrap(at::adaptive_avg_pool2d(*input, pt::dims(output_size, 2)));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_dropout(pt_tensor input, double p, int training) {
  PT_TRY
  return pt::wrap(at::dropout(*input, p, training != 0));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_softmax(pt_tensor input, int64_t dim, int log) {
  PT_TRY
  return pt::wrap(log ? at::log_softmax(*input, dim) : at::softmax(*input, dim));
  PT_CATCH(nullptr)
}

// reduction: 0 none, 1 mean, 2 sum (at::Reduction).
PT_API pt_tensor pt_cross_entropy(pt_tensor input, pt_tensor target, pt_tensor weight, int reduction,
                                  int64_t ignore_index, double label_smoothing) {
  PT_TRY
  return pt::wrap(at::cross_entropy_loss(*input, *target, opt(weight), reduction, ignore_index, label_smoothing));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_nll_loss(pt_tensor input, pt_tensor target, pt_tensor weight, int reduction, int64_t ignore_index) {
  PT_TRY
  return pt::wrap(at::nll_loss(*input, *target, opt(weight), reduction, ignore_index));
  PT_CATCH(nullptr)
}

// reduction 3 is "batchmean" (sum / batch size), computed here as torch.nn.functional does.
PT_API pt_tensor pt_kl_div(pt_tensor input, pt_tensor target, int reduction, int log_target) {
  PT_TRY
  if (reduction == 3) {
    auto sum = at::kl_div(*input, *target, at::Reduction::Sum, log_target != 0);
    return pt::wrap(input->dim() == 0 ? sum : sum / input->size(0));
  }
  return pt::wrap(at::kl_div(*input, *target, reduction, log_target != 0));
  PT_CATCH(nullptr)
}

PT_API pt_tensor pt_mse_loss(pt_tensor input, pt_tensor target, int reduction) {
  PT_TRY
  return pt::wrap(at::mse_loss(*input, *target, reduction));
  PT_CATCH(nullptr)
}
