namespace Platform.Host;

internal static class HostExtensions
{
    /// <summary>Batch mode needs Lab in this process; quiet logs so the job's own lines stand out.</summary>
    public static void AddRunOnce(this WebApplicationBuilder builder, RunOnceOptions options, HostRoles roles)
    {
        if (!roles.Lab)
            throw new ArgumentException("Platform:Run needs the lab role in this process (Platform:Roles=lab,worker)");
        builder.Services.AddSingleton(options);
        builder.Services.AddHostedService<RunOnceJob>();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
    }
}
