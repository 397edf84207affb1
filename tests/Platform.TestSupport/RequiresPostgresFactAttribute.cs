using Xunit;

namespace Platform.TestSupport;

/// <summary>A fact that needs PostgreSQL; skipped with the reason when none is configured, unless CI requires it.</summary>
public sealed class RequiresPostgresFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when no server is configured.</summary>
    public RequiresPostgresFactAttribute()
    {
        if (TestEnvironment.Postgres is null && !TestEnvironment.ServicesRequired)
            Skip = "PLATFORM_TEST_POSTGRES is not set (run `eval \"$(.ci/services.sh start)\"`)";
    }
}
