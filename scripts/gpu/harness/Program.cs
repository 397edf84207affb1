using Platform.Benchmarks.Torch;

// Same arguments as `Platform.Benchmarks torch ...`; a leading "torch" is accepted too.
return TorchBenchmark.Run(args.Length > 0 && args[0] == "torch" ? args[1..] : args);
