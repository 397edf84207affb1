using System.Diagnostics;
using System.Text.Json;
using Platform.Bench.V1;
using Platform.Rpc.Client;

namespace Platform.Benchmarks.Rpc;

/// <summary>Closed-loop unary load: <c>concurrency</c> Echo calls always in flight, after a 1 s warm-up.</summary>
internal static class UnaryLoad
{
    public const int PayloadBytes = 32;

    /// <summary>Our Platform.Rpc client as the load generator.</summary>
    public static async Task<UnaryResult> RunOursAsync(ServerProcess server, int concurrency, TimeSpan duration)
    {
        using var channel = RpcChannel.ForAddress(server.Address);
        var client = new BenchServiceClient(channel);
        var request = new EchoRequest { Message = "bench", Payload = Google.Protobuf.ByteString.CopyFrom(new byte[PayloadBytes]) };
        await RunWorkersAsync(client, request, concurrency, TimeSpan.FromSeconds(1));
        var cpu = server.CpuTime;
        var clock = Stopwatch.StartNew();
        var (latencies, errors) = await RunWorkersAsync(client, request, concurrency, duration);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuUs = (server.CpuTime - cpu).TotalMicroseconds;
        latencies.Sort();
        return new UnaryResult("Platform.Rpc", server.Name, concurrency, latencies.Count, seconds,
            Percentile(latencies, 0.5), Percentile(latencies, 0.99), errors, cpuUs / Math.Max(1, latencies.Count));
    }

    /// <summary>The grpc-js client of tests/interop/node/bench_client.js as the load generator.</summary>
    public static async Task<UnaryResult> RunNodeAsync(string repoRoot, ServerProcess server, int concurrency, TimeSpan duration)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(repoRoot, "tests", "interop", "node", "bench_client.js"), repoRoot, server.Authority,
                     concurrency.ToString(), duration.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), PayloadBytes.ToString() })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        // The client warms up for 1 s before its window; server CPU is read over the whole run and scaled to the window.
        var cpu = server.CpuTime;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var cpuUs = (server.CpuTime - cpu).TotalMicroseconds;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"bench_client.js failed ({process.ExitCode}): {await stderr}");
        var json = JsonDocument.Parse(output).RootElement;
        var requests = json.GetProperty("requests").GetInt64();
        var seconds = json.GetProperty("seconds").GetDouble();
        var total = requests * (1 + 1 / seconds);
        return new UnaryResult("grpc-js", server.Name, concurrency, requests, seconds, json.GetProperty("p50Us").GetDouble(),
            json.GetProperty("p99Us").GetDouble(), json.GetProperty("errors").GetInt64(), cpuUs / Math.Max(1, total));
    }

    private static async Task<(List<double> Latencies, long Errors)> RunWorkersAsync(BenchServiceClient client, EchoRequest request, int concurrency, TimeSpan duration)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long errors = 0;
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(1 << 16);
            while (Stopwatch.GetTimestamp() < end)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await client.Echo(request);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                }
                catch (Platform.Rpc.RpcException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
            return latencies;
        })).ToList();
        var all = (await Task.WhenAll(workers)).SelectMany(l => l).ToList();
        return (all, errors);
    }

    internal static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
