namespace Platform.Benchmarks.Rpc;

/// <summary>One unary load run: completed calls in the measured window, their latency percentiles, server CPU per call.</summary>
internal sealed record UnaryResult(string Client, string Server, int Concurrency, long Requests, double Seconds, double P50Us, double P99Us, long Errors, double ServerCpuUsPerCall)
{
    public double RequestsPerSecond => Requests / Seconds;
}
