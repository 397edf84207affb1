using System.Globalization;

namespace Platform.Benchmarks.Rpc;

/// <summary>
/// The <c>rpc</c> suite: our Platform.Rpc server against a grpc-js server serving the same methods
/// (tests/Platform.Benchmarks/Protos/bench.proto), each in its own process, driven by the same client in
/// alternating rounds; then a large artifact through Lab's ArtifactService.
/// </summary>
internal static class RpcBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        RpcBenchOptions options;
        try
        {
            options = RpcBenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 64;
        }
        var repoRoot = FindRepoRoot();
        if (!File.Exists(Path.Combine(repoRoot, "tests", "interop", "node", "node_modules", "@grpc", "grpc-js", "package.json")))
        {
            Console.Error.WriteLine("tests/interop/node/node_modules is missing; run `npm ci --prefix tests/interop/node`");
            return 69;
        }

        Console.WriteLine($"rpc benchmark on {Environment.ProcessorCount} cores, load average {LoadAverage()} at start");
        if (!options.ArtifactOnly)
            await CompareServersAsync(repoRoot, options);
        if (!options.ServersOnly)
        {
            Console.WriteLine();
            foreach (var line in await ArtifactDownloadBenchmark.RunAsync(options.ArtifactMegabytes, options.Downloads))
                Console.WriteLine(line);
        }
        Console.WriteLine($"load average {LoadAverage()} at the end");
        return 0;
    }

    private static async Task CompareServersAsync(string repoRoot, RpcBenchOptions options)
    {
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var unary = new List<(int Round, UnaryResult Result)>();
        var streaming = new List<(int Round, string Server, double MessagesPerSecond, double CpuMs)>();
        using (var ours = await ServerProcess.StartOursAsync())
        using (var node = await ServerProcess.StartNodeAsync(repoRoot))
        {
            // Both runtimes compile their hot paths while they run (.NET tiers up to optimized code, V8 likewise):
            // warm each server up before anything is measured, or the first rows measure the compilers.
            foreach (var server in new[] { ours, node })
            {
                await UnaryLoad.RunOursAsync(server, options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds));
                await StreamingLoad.RunAsync(server, options.StreamMessages);
            }

            for (var round = 1; round <= options.Rounds; round++)
            {
                // Alternate which server goes first so that drifting load on the machine favours neither.
                var servers = round % 2 == 1 ? new[] { ours, node } : [node, ours];
                foreach (var server in servers)
                    unary.Add((round, await UnaryLoad.RunOursAsync(server, options.Concurrency, duration)));
                if (options.NodeClient)
                    foreach (var server in servers)
                        unary.Add((round, await UnaryLoad.RunNodeAsync(repoRoot, server, options.Concurrency, duration)));
                foreach (var server in servers)
                {
                    var (rate, cpu) = await StreamingLoad.RunAsync(server, options.StreamMessages);
                    streaming.Add((round, server.Name, rate, cpu));
                }
            }
        }

        PrintUnary(unary, options);
        PrintStreaming(streaming, options);
    }

    private static void PrintUnary(List<(int Round, UnaryResult Result)> rows, RpcBenchOptions options)
    {
        Console.WriteLine();
        Console.WriteLine($"unary Echo ({UnaryLoad.PayloadBytes}-byte payload), {options.Concurrency} concurrent calls, {options.Seconds} s per row " +
                          $"(each server warmed up for {options.WarmupSeconds} s first, each row for 1 s)");
        Console.WriteLine("| round | client | server | req/s | p50 µs | p99 µs | errors | server CPU µs/call |");
        Console.WriteLine("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (round, r) in rows.OrderBy(r => r.Round).ThenBy(r => r.Result.Client != "Platform.Rpc").ThenBy(r => r.Result.Server != "Platform.Rpc"))
            Console.WriteLine($"| {round} | {r.Client} | {r.Server} | {F(r.RequestsPerSecond)} | {F(r.P50Us)} | {F(r.P99Us)} | {r.Errors} | {r.ServerCpuUsPerCall:0.0} |");
        foreach (var client in rows.Select(r => r.Result.Client).Distinct())
        {
            var ratios = rows.Where(r => r.Result.Client == client).GroupBy(r => r.Round).Select(g =>
                g.Single(r => r.Result.Server == "Platform.Rpc").Result.RequestsPerSecond / g.Single(r => r.Result.Server == "grpc-js").Result.RequestsPerSecond);
            Console.WriteLine($"req/s ratio, Platform.Rpc server ÷ grpc-js server, {client} client: {string.Join(" / ", ratios.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))}" +
                              (client == "Platform.Rpc" ? " (target ≥ 2)" : ""));
        }
    }

    private static void PrintStreaming(List<(int Round, string Server, double MessagesPerSecond, double CpuMs)> rows, RpcBenchOptions options)
    {
        Console.WriteLine();
        Console.WriteLine($"server streaming: one call of {F(options.StreamMessages)} messages ({StreamingLoad.PayloadBytes}-byte payload), Platform.Rpc client, best of 3");
        Console.WriteLine("| round | server | msg/s | server CPU ms |");
        Console.WriteLine("| --- | --- | ---: | ---: |");
        foreach (var r in rows.OrderBy(r => r.Round).ThenBy(r => r.Server != "Platform.Rpc"))
            Console.WriteLine($"| {r.Round} | {r.Server} | {F(r.MessagesPerSecond)} | {r.CpuMs:0} |");
        var ratios = rows.GroupBy(r => r.Round).Select(g => g.Single(r => r.Server == "Platform.Rpc").MessagesPerSecond / g.Single(r => r.Server == "grpc-js").MessagesPerSecond);
        Console.WriteLine($"msg/s ratio, Platform.Rpc server ÷ grpc-js server: {string.Join(" / ", ratios.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))}");
    }

    private static string F(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "tests", "interop", "node")) && Directory.Exists(Path.Combine(dir.FullName, "protos")))
                return dir.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root (a folder with protos/ and tests/interop/node/) above " + AppContext.BaseDirectory);
    }
}
