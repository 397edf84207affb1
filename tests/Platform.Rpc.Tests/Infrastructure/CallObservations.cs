using System.Collections.Concurrent;

namespace Platform.Rpc.Tests.Infrastructure;

/// <summary>What handlers saw, for tests that assert on the server side of a call.</summary>
public sealed class CallObservations
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _ended = new();
    private readonly ConcurrentDictionary<string, int> _countSent = new();
    private int _sleepCalls;

    public int SleepCalls => Volatile.Read(ref _sleepCalls);

    public void SleepStarted() => Interlocked.Increment(ref _sleepCalls);

    /// <summary>Completes with how the Sleep handler for <paramref name="id"/> ended ("canceled" or "completed").</summary>
    public Task<string> SleepEnded(string id) => Get(id).Task;

    public void RecordSleepEnded(string id, string how) => Get(id).TrySetResult(how);

    /// <summary>Completes with the number of messages a Count stream for <paramref name="id"/> had sent when its token fired.</summary>
    public Task<string> CountCanceled(string id) => Get("count:" + id).Task;

    /// <summary>How many messages the Count stream for <paramref name="id"/> has handed to the server so far.</summary>
    public int CountSent(string id) => _countSent.GetValueOrDefault(id);

    public void RecordCountSent(string id, int sent) => _countSent[id] = sent;

    public void RecordCountCanceled(string id, int sent) => Get("count:" + id).TrySetResult(sent.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private TaskCompletionSource<string> Get(string id) =>
        _ended.GetOrAdd(id, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
}
