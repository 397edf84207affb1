using Google.Protobuf.WellKnownTypes;

namespace Platform.Dashboard.Tests.Components;

internal static class JobFactory
{
    public static Job Make(string id, JobState state, double value = 0, double limit = 0, string message = "", DateTimeOffset? started = null) => new()
    {
        Id = id,
        Kind = "train",
        Name = "job-" + id[..4],
        State = state,
        ProgressValue = value,
        ProgressLimit = limit,
        ProgressMessage = message,
        Attempt = 1,
        Worker = "worker-a",
        Device = "cpu",
        SpecJson = """{"model":"mlp","epochs":2,"optimizer":{"name":"sgd","lr":0.05}}""",
        CreateTime = Timestamp.FromDateTimeOffset(DateTimeOffset.Parse("2026-01-02T03:04:05Z")),
        StartTime = started is { } s ? Timestamp.FromDateTimeOffset(s) : null,
        UpdateTime = Timestamp.FromDateTimeOffset(DateTimeOffset.Parse("2026-01-02T03:04:06Z")),
    };
}
