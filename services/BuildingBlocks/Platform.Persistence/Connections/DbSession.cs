using System.Data.Common;

namespace Platform.Persistence.Connections;

/// <summary>
/// One connection and transaction shared by several repository calls, so a batch of changes commits (or
/// rolls back) as one unit and pays for one connection and one commit.
/// </summary>
public sealed class DbSession : IAsyncDisposable
{
    private DbSession(DbConnection connection, DbTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
    }

    /// <summary>The open connection.</summary>
    public DbConnection Connection { get; }

    /// <summary>The transaction every command of the session runs in.</summary>
    public DbTransaction Transaction { get; }

    /// <summary>Opens a connection and begins a transaction.</summary>
    public static async Task<DbSession> BeginAsync(IDbConnectionFactory connections, CancellationToken ct = default)
    {
        var connection = await connections.OpenAsync(ct);
        try
        {
            return new DbSession(connection, await connection.BeginTransactionAsync(ct));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Commits the transaction.</summary>
    public Task CommitAsync(CancellationToken ct = default) => Transaction.CommitAsync(ct);

    /// <summary>Rolls back anything not committed and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
