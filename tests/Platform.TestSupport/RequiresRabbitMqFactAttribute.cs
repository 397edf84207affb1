using Xunit;

namespace Platform.TestSupport;

/// <summary>A fact that needs RabbitMQ; skipped with the reason when none is configured, unless CI requires it.</summary>
public sealed class RequiresRabbitMqFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when no broker is configured.</summary>
    public RequiresRabbitMqFactAttribute()
    {
        if (TestEnvironment.RabbitMq is null && !TestEnvironment.ServicesRequired)
            Skip = "PLATFORM_TEST_RABBITMQ is not set (run `eval \"$(.ci/services.sh start)\"`)";
    }
}
