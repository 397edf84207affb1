using System.Diagnostics;

namespace Platform.Benchmarks.Torch;

/// <summary>
/// Process CPU time (user + system) since start, like Python's time.process_time(): on a
/// shared machine it shows whether a slower wall time was work or waiting for a core.
/// </summary>
internal readonly struct CpuClock
{
    private readonly TimeSpan _start;

    private CpuClock(TimeSpan start) => _start = start;

    public static CpuClock Start() => new(Process.GetCurrentProcess().TotalProcessorTime);

    public double Elapsed => (Process.GetCurrentProcess().TotalProcessorTime - _start).TotalSeconds;
}
