namespace Platform.TestSupport;

/// <summary>
/// The external services tests may use, from the environment that <c>.ci/services.sh start</c> prints.
/// With <c>PLATFORM_REQUIRE_SERVICES=1</c> (CI) a missing service fails the test instead of skipping it.
/// </summary>
public static class TestEnvironment
{
    /// <summary>Npgsql connection string of a server where the tests may create databases.</summary>
    public static string? Postgres => Environment.GetEnvironmentVariable("PLATFORM_TEST_POSTGRES");

    /// <summary>AMQP URI of a RabbitMQ broker.</summary>
    public static string? RabbitMq => Environment.GetEnvironmentVariable("PLATFORM_TEST_RABBITMQ");

    /// <summary>True when CI demands every service.</summary>
    public static bool ServicesRequired => Environment.GetEnvironmentVariable("PLATFORM_REQUIRE_SERVICES") == "1";

    /// <summary>The value, or an exception that says how to provide it.</summary>
    public static string Require(string? value, string variable) =>
        value ?? throw new InvalidOperationException(
            $"{variable} is not set: run `eval \"$(.ci/services.sh start)\"` first (CI sets PLATFORM_REQUIRE_SERVICES=1)");
}
