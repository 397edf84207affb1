using System.Data.Common;

namespace Platform.Persistence.Connections;

/// <summary>Opens connections to the platform database.</summary>
public interface IDbConnectionFactory
{
    /// <summary>Which engine the connections talk to.</summary>
    DatabaseProvider Provider { get; }

    /// <summary>A short description for logs and errors, without secrets.</summary>
    string Describe();

    /// <summary>Opens a new connection (pooled by the driver).</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);
}
