// libtorch's default generator (model init), environment variables (dataset folders) and the
// thread count are process-wide; test classes run one after another so each reads them exactly.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
