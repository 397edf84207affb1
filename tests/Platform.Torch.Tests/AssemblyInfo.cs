// libtorch's default generator, grad mode and the RSS measurement are process-wide or
// per thread; running test classes one after another keeps seeds and memory readings exact.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
