using Platform.Benchmarks.Foundation;

// Macro benchmarks of the platform, each printing its results (a line, or tables for rpc). Usage:
//   dotnet run -c Release --project tests/Platform.Benchmarks -- foundation [--quick]
//   dotnet run -c Release --project tests/Platform.Benchmarks -- torch --help   (C# side of tests/reference/run_torch_bench.sh)
//   dotnet run -c Release --project tests/Platform.Benchmarks -- rpc [--quick]  (Platform.Rpc vs grpc-js, artifact download)
// Needs PostgreSQL and RabbitMQ for their rows: eval "$(.ci/services.sh start)" first.
var suite = args.FirstOrDefault() ?? "foundation";
var quick = args.Contains("--quick");
switch (suite)
{
    case "foundation":
        Console.WriteLine(await SubmitLatencyBenchmark.RunAsync("InMemory", quick ? 50 : 300));
        Console.WriteLine(await SubmitLatencyBenchmark.RunAsync("RabbitMQ", quick ? 50 : 300));
        Console.WriteLine(await EventThroughputBenchmark.RunAsync("Sqlite", "InMemory", quick ? 2000 : 20000));
        Console.WriteLine(await EventThroughputBenchmark.RunAsync("Postgres", "InMemory", quick ? 2000 : 20000));
        Console.WriteLine(await EventThroughputBenchmark.RunAsync("Sqlite", "RabbitMQ", quick ? 2000 : 20000));
        Console.WriteLine(await EventThroughputBenchmark.RunAsync("Postgres", "RabbitMQ", quick ? 2000 : 20000));
        return 0;
    case "events-rabbitmq":
        Console.WriteLine(await EventThroughputBenchmark.RunAsync("Sqlite", "RabbitMQ", quick ? 2000 : 20000));
        return 0;
    case "rpc":
        return await Platform.Benchmarks.Rpc.RpcBenchmark.RunAsync(args.Skip(1).ToArray());
    case "rpc-server":
        return await Platform.Benchmarks.Rpc.OurBenchServer.RunAsync();
    case "torch":
        return Platform.Benchmarks.Torch.TorchBenchmark.Run(args.Skip(1).ToArray());
    default:
        Console.Error.WriteLine($"unknown suite '{suite}'; suites: foundation, events-rabbitmq, torch, rpc");
        return 64;
}
