using System.Globalization;

namespace Platform.Benchmarks.Rpc;

/// <summary>Options of the <c>rpc</c> suite.</summary>
internal sealed record RpcBenchOptions(int Seconds, int Rounds, int Concurrency, int StreamMessages, int ArtifactMegabytes, bool NodeClient, bool ServersOnly = false, bool ArtifactOnly = false, int Downloads = 2, int WarmupSeconds = 10)
{
    public const string Usage =
        "rpc [--quick] [--seconds 5] [--rounds 2] [--warmup 10] [--concurrency 16] [--stream-messages 100000] [--artifact-mb 1024] [--downloads 2] [--no-node-client] [--servers-only | --artifact-only]";

    public static RpcBenchOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var options = new RpcBenchOptions(quick ? 2 : 5, quick ? 1 : 2, 16, 100_000, quick ? 256 : 1024, !args.Contains("--no-node-client"), WarmupSeconds: quick ? 3 : 10);
        for (var i = 0; i < args.Length; i++)
        {
            int Next() => i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0
                ? v : throw new ArgumentException($"{args[i]} needs a positive whole number; usage: {Usage}");
            options = args[i] switch
            {
                "--seconds" => options with { Seconds = Next() },
                "--rounds" => options with { Rounds = Next() },
                "--warmup" => options with { WarmupSeconds = Next() },
                "--concurrency" => options with { Concurrency = Next() },
                "--stream-messages" => options with { StreamMessages = Next() },
                "--artifact-mb" => options with { ArtifactMegabytes = Next() },
                "--downloads" => options with { Downloads = Next() },
                "--servers-only" => options with { ServersOnly = true },
                "--artifact-only" => options with { ArtifactOnly = true },
                "--quick" or "--no-node-client" => options,
                _ => throw new ArgumentException($"unknown option '{args[i]}'; usage: {Usage}"),
            };
        }
        return options;
    }
}
