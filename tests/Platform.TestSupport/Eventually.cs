using System.Diagnostics;

namespace Platform.TestSupport;

/// <summary>Waits for a condition with a deadline, for tests of asynchronous systems.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="probe"/> until it returns a value that satisfies <paramref name="done"/>; throws with the last value at the deadline.</summary>
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        T last;
        do
        {
            last = await probe();
            if (done(last))
                return last;
            await Task.Delay(50);
        }
        while (clock.Elapsed < timeout);
        throw new TimeoutException($"waited {timeout.TotalSeconds:0.#} s for {what}; last value: {last}");
    }
}
