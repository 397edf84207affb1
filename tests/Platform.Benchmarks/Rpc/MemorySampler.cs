using System.Diagnostics;

namespace Platform.Benchmarks.Rpc;

/// <summary>
/// Samples this process's working set and managed heap every few milliseconds while a transfer runs, to show
/// that memory stays flat (no whole-file buffering) rather than growing with the file.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly long _workingSetBefore;
    private readonly long _heapBefore;
    private readonly long _allocatedBefore;
    private readonly Task<(long WorkingSet, long Heap)> _sampling;

    public MemorySampler()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        _workingSetBefore = Current.WorkingSet64;
        _heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        _allocatedBefore = GC.GetTotalAllocatedBytes();
        _sampling = Task.Run(SampleAsync);
    }

    private static Process Current { get; } = Process.GetCurrentProcess();

    public async Task<string> StopAsync()
    {
        await _stop.CancelAsync();
        var (workingSet, heap) = await _sampling;
        var allocated = GC.GetTotalAllocatedBytes() - _allocatedBefore;
        return $"working set {Mb(_workingSetBefore)} MB before, max {Mb(workingSet)} MB during; " +
               $"managed heap {Mb(_heapBefore)} MB before, max {Mb(heap)} MB during ({Mb(allocated)} MB allocated and collected on the way)";
    }

    public void Dispose() => _stop.Dispose();

    private async Task<(long, long)> SampleAsync()
    {
        long workingSet = 0, heap = 0;
        while (!_stop.IsCancellationRequested)
        {
            Current.Refresh();
            workingSet = Math.Max(workingSet, Current.WorkingSet64);
            heap = Math.Max(heap, GC.GetTotalMemory(forceFullCollection: false));
            try
            {
                await Task.Delay(5, _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
        return (workingSet, heap);
    }

    private static string Mb(long bytes) => (bytes / 1e6).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
}
