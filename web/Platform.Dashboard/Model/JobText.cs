using Platform.Lab.V1;

namespace Platform.Dashboard.Model;

/// <summary>How jobs read on the pages: state names and colours, progress, ETA, times.</summary>
public static class JobText
{
    public static readonly JobState[] States =
        [JobState.Queued, JobState.Running, JobState.Stalled, JobState.Succeeded, JobState.Failed, JobState.Canceled];

    public static string StateName(JobState state) => state switch
    {
        JobState.Queued => "queued",
        JobState.Running => "running",
        JobState.Stalled => "stalled",
        JobState.Succeeded => "succeeded",
        JobState.Failed => "failed",
        JobState.Canceled => "canceled",
        _ => "unknown",
    };

    public static JobState? ParseState(string? name) =>
        States.Cast<JobState?>().FirstOrDefault(s => StateName(s!.Value) == name);

    public static bool IsLive(JobState state) => state is JobState.Queued or JobState.Running or JobState.Stalled;

    public static bool CanRetry(JobState state) => state is JobState.Failed or JobState.Canceled or JobState.Stalled;

    /// <summary>Percent done, 0 to 100; a succeeded job is 100 whatever its last report said.</summary>
    public static double Percent(Job job) =>
        job.State == JobState.Succeeded ? 100
        : job.ProgressLimit > 0 ? Math.Clamp(100 * job.ProgressValue / job.ProgressLimit, 0, 100)
        : 0;

    /// <summary>Time left at the rate so far (elapsed × left ÷ done), or null when there is no rate yet or the job is not running.</summary>
    public static TimeSpan? Eta(Job job, DateTimeOffset now)
    {
        if (job.State != JobState.Running || job.StartTime is null || job.ProgressLimit <= 0 || job.ProgressValue <= 0)
            return null;
        var elapsed = now - job.StartTime.ToDateTimeOffset();
        if (elapsed <= TimeSpan.Zero)
            return null;
        var left = Math.Max(0, job.ProgressLimit - job.ProgressValue);
        return TimeSpan.FromSeconds(elapsed.TotalSeconds * left / job.ProgressValue);
    }

    public static string Duration(TimeSpan? span) => span switch
    {
        null => "",
        { TotalSeconds: < 60 } s => $"{s.TotalSeconds:0}s",
        { TotalMinutes: < 60 } s => $"{(int)s.TotalMinutes}m {s.Seconds:00}s",
        { } s => $"{(int)s.TotalHours}h {s.Minutes:00}m",
    };

    public static string Time(Google.Protobuf.WellKnownTypes.Timestamp? time) =>
        time is null ? "" : time.ToDateTimeOffset().ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss") + "Z";

    public static string ShortId(string id) => id.Length > 8 ? id[..8] : id;

    public static string Title(Job job) => job.Name.Length > 0 ? job.Name : ShortId(job.Id);

    public static string Bytes(long size) => size switch
    {
        < 1024 => $"{size} B",
        < 1024 * 1024 => $"{size / 1024.0:0.0} KiB",
        < 1024L * 1024 * 1024 => $"{size / (1024.0 * 1024):0.0} MiB",
        _ => $"{size / (1024.0 * 1024 * 1024):0.00} GiB",
    };
}
