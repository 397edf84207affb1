using System.Data.Common;

namespace Platform.Persistence.Connections;

/// <summary>Runs a repository command in a caller's session, or on a connection of its own.</summary>
internal static class SessionExtensions
{
    public static async Task<T> RunAsync<T>(
        this IDbConnectionFactory connections, DbSession? session, Func<DbConnection, DbTransaction?, Task<T>> work,
        CancellationToken ct)
    {
        if (session is not null)
            return await work(session.Connection, session.Transaction);
        await using var connection = await connections.OpenAsync(ct);
        return await work(connection, null);
    }
}
