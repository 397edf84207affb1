using System.Diagnostics;
using Platform.Bench.V1;
using Platform.Rpc.Client;

namespace Platform.Benchmarks.Rpc;

/// <summary>Server streaming: one call of <c>count</c> small messages read by our client; best of three runs.</summary>
internal static class StreamingLoad
{
    public const int PayloadBytes = 16;

    public static async Task<(double MessagesPerSecond, double ServerCpuMs)> RunAsync(ServerProcess server, int count)
    {
        using var channel = RpcChannel.ForAddress(server.Address);
        var client = new BenchServiceClient(channel);
        await ReadAsync(client, count / 10);
        var best = (MessagesPerSecond: 0.0, ServerCpuMs: 0.0);
        for (var run = 0; run < 3; run++)
        {
            var cpu = server.CpuTime;
            var clock = Stopwatch.StartNew();
            var received = await ReadAsync(client, count);
            var seconds = clock.Elapsed.TotalSeconds;
            if (received != count)
                throw new InvalidOperationException($"{server.Name} streamed {received} of {count} messages");
            if (received / seconds > best.MessagesPerSecond)
                best = (received / seconds, (server.CpuTime - cpu).TotalMilliseconds);
        }
        return best;
    }

    private static async Task<int> ReadAsync(BenchServiceClient client, int count)
    {
        var received = 0;
        await foreach (var message in client.Stream(new StreamRequest { Count = count, PayloadSize = PayloadBytes }))
        {
            if (message.Index != received)
                throw new InvalidOperationException($"message {message.Index} arrived where {received} was expected");
            received++;
        }
        return received;
    }
}
