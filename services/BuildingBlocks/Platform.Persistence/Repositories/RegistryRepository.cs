using Dapper;
using Platform.Persistence.Connections;
using Platform.Persistence.Records;

namespace Platform.Persistence.Repositories;

/// <summary>
/// The dataset and model registries: named rows with versions 1, 2, 3... that point at artifacts.
/// Registering a name again adds the next version.
/// </summary>
public sealed class RegistryRepository(IDbConnectionFactory connections)
{
    /// <summary>Registers the next version of a dataset.</summary>
    public async Task<DatasetRecord> RegisterDatasetAsync(
        string name, string description, string source, Guid? artifactId, string metadata, Guid? projectId,
        CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var version = await c.ExecuteScalarAsync<int>(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM datasets WHERE name = @name", new { name }, tx);
        var record = new DatasetRecord(Guid.NewGuid(), projectId, name, version, description, source, artifactId, metadata, Clock.Now());
        await c.ExecuteAsync(
            "INSERT INTO datasets (id, project_id, name, version, description, source, artifact_id, metadata, created_at) " +
            "VALUES (@Id, @ProjectId, @Name, @Version, @Description, @Source, @ArtifactId, @Metadata, @CreatedAt)", record, tx);
        await tx.CommitAsync(ct);
        return record;
    }

    /// <summary>A dataset version (null = latest), or null.</summary>
    public async Task<DatasetRecord?> GetDatasetAsync(string name, int? version = null, CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        return await c.QueryFirstOrDefaultAsync<DatasetRecord>(
            "SELECT * FROM datasets WHERE name = @name AND (@version IS NULL OR version = @version) ORDER BY version DESC LIMIT 1",
            new { name, version });
    }

    /// <summary>All dataset versions.</summary>
    public async Task<IReadOnlyList<DatasetRecord>> ListDatasetsAsync(CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        return (await c.QueryAsync<DatasetRecord>("SELECT * FROM datasets ORDER BY name, version")).AsList();
    }

    /// <summary>
    /// Registers the next version of a model; the same artifact registered again under the same name returns the
    /// existing version (a duplicated event registers nothing).
    /// </summary>
    public async Task<ModelRecord> RegisterModelAsync(
        string name, Guid artifactId, string architecture, string card, Guid? jobId, Guid? projectId,
        CancellationToken ct = default, DbSession? session = null)
    {
        if (session is null)
        {
            await using var own = await DbSession.BeginAsync(connections, ct);
            var done = await RegisterModelAsync(name, artifactId, architecture, card, jobId, projectId, ct, own);
            await own.CommitAsync(ct);
            return done;
        }
        var (c, tx) = (session.Connection, session.Transaction);
        var existing = await c.QueryFirstOrDefaultAsync<ModelRecord>(
            "SELECT * FROM models WHERE name = @name AND artifact_id = @artifactId", new { name, artifactId }, tx);
        if (existing is not null)
            return existing;
        var version = await c.ExecuteScalarAsync<int>(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM models WHERE name = @name", new { name }, tx);
        var record = new ModelRecord(Guid.NewGuid(), projectId, name, version, jobId, artifactId, architecture, card, Clock.Now());
        await c.ExecuteAsync(
            "INSERT INTO models (id, project_id, name, version, job_id, artifact_id, architecture, card, created_at) " +
            "VALUES (@Id, @ProjectId, @Name, @Version, @JobId, @ArtifactId, @Architecture, @Card, @CreatedAt)", record, tx);
        return record;
    }

    /// <summary>A model version (null = latest), or null.</summary>
    public async Task<ModelRecord?> GetModelAsync(string name, int? version = null, CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        return await c.QueryFirstOrDefaultAsync<ModelRecord>(
            "SELECT * FROM models WHERE name = @name AND (@version IS NULL OR version = @version) ORDER BY version DESC LIMIT 1",
            new { name, version });
    }

    /// <summary>The models a job registered.</summary>
    public async Task<IReadOnlyList<ModelRecord>> ListModelsByJobAsync(Guid jobId, CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        return (await c.QueryAsync<ModelRecord>(
            "SELECT * FROM models WHERE job_id = @jobId ORDER BY name, version", new { jobId })).AsList();
    }
}
