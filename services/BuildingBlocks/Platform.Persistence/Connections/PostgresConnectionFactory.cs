using System.Data.Common;
using Npgsql;

namespace Platform.Persistence.Connections;

/// <summary>PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>.</summary>
public sealed class PostgresConnectionFactory : IDbConnectionFactory, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly string description;

    /// <summary>Connects with an Npgsql connection string.</summary>
    public PostgresConnectionFactory(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        description = $"PostgreSQL {builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <inheritdoc />
    public DatabaseProvider Provider => DatabaseProvider.Postgres;

    /// <inheritdoc />
    public string Describe() => description;

    /// <inheritdoc />
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException)
        {
            throw new PersistenceException(
                $"cannot connect to {description}: {e.Message}. Check that the server runs and Persistence:ConnectionString is right.", e);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => dataSource.Dispose();
}
