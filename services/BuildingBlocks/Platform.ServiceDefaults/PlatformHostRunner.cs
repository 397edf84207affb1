using MassTransit;
using Microsoft.Extensions.Hosting;
using Platform.Messaging.Bus;
using Platform.Persistence;

namespace Platform.ServiceDefaults;

/// <summary>
/// Runs a host and turns the failures people meet at start-up (broker or database unreachable, a database
/// newer than the build) into one clear line on stderr and a non-zero exit code, instead of a stack trace or a hang.
/// </summary>
public static class PlatformHostRunner
{
    /// <summary>Runs until shutdown; returns the process exit code.</summary>
    public static async Task<int> RunPlatformAsync(this IHost host)
    {
        // Read before running: a host that failed to start has disposed its services.
        var messaging = host.Services.GetService(typeof(MessagingOptions)) as MessagingOptions;
        try
        {
            await host.RunAsync();
            return 0;
        }
        catch (Exception e) when (Explain(e, messaging) is { } message)
        {
            await Console.Error.WriteLineAsync("platform: " + message);
            return 2;
        }
    }

    private static string? Explain(Exception e, MessagingOptions? messaging)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case PersistenceException p:
                    return p.Message;
                case RabbitMqConnectionException or MassTransitException when messaging?.Transport == MessagingTransport.RabbitMQ:
                    return $"cannot reach RabbitMQ at {Redact(messaging.RabbitMq.Uri)} within {messaging.StartTimeoutSeconds:0} s " +
                           $"({inner.Message}). Start the broker, fix Messaging:RabbitMq:Uri, or run embedded with Messaging:Transport=InMemory.";
                case MessagingStartupException m:
                    return m.Message;
                case Npgsql.NpgsqlException n:
                    return $"cannot use PostgreSQL: {n.Message}. Check Persistence:ConnectionString and that the server runs.";
            }
        }
        return null;
    }

    private static string Redact(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var u) && !string.IsNullOrEmpty(u.UserInfo)
            ? uri.Replace(u.UserInfo, u.UserInfo.Split(':')[0] + ":***", StringComparison.Ordinal)
            : uri;
}
