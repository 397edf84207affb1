using Dapper;
using Platform.Persistence.Connections;
using Platform.Persistence.Records;

namespace Platform.Persistence.Repositories;

/// <summary>The <c>artifacts</c> table. A job's artifact names are unique: storing a name again replaces the row.</summary>
public sealed class ArtifactRepository(IDbConnectionFactory connections)
{
    /// <summary>Records an artifact of a job (or replaces the one with the same name); returns the row.</summary>
    public async Task<ArtifactRecord> UpsertAsync(
        Guid? jobId, string name, string kind, string mediaType, long size, string sha256, string storagePath,
        CancellationToken ct = default, DbSession? session = null)
    {
        if (session is null)
        {
            await using var own = await DbSession.BeginAsync(connections, ct);
            var done = await UpsertAsync(jobId, name, kind, mediaType, size, sha256, storagePath, ct, own);
            await own.CommitAsync(ct);
            return done;
        }
        var (c, tx) = (session.Connection, session.Transaction);
        var existing = jobId is null
            ? null
            : await c.QuerySingleOrDefaultAsync<ArtifactRecord>(
                "SELECT * FROM artifacts WHERE job_id = @jobId AND name = @name", new { jobId, name }, tx);
        var record = new ArtifactRecord(existing?.Id ?? Guid.NewGuid(), jobId, name, kind, mediaType, size, sha256, storagePath,
            existing?.CreatedAt ?? Clock.Now());
        await c.ExecuteAsync(existing is null
            ? "INSERT INTO artifacts (id, job_id, name, kind, media_type, size, sha256, storage_path, created_at) " +
              "VALUES (@Id, @JobId, @Name, @Kind, @MediaType, @Size, @Sha256, @StoragePath, @CreatedAt)"
            : "UPDATE artifacts SET kind = @Kind, media_type = @MediaType, size = @Size, sha256 = @Sha256, " +
              "storage_path = @StoragePath WHERE id = @Id", record, tx);
        return record;
    }

    /// <summary>The artifact, or null.</summary>
    public async Task<ArtifactRecord?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<ArtifactRecord>("SELECT * FROM artifacts WHERE id = @id", new { id });
    }

    /// <summary>The artifacts of a job by name.</summary>
    public async Task<IReadOnlyList<ArtifactRecord>> ListByJobAsync(Guid jobId, CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        return (await c.QueryAsync<ArtifactRecord>(
            "SELECT * FROM artifacts WHERE job_id = @jobId ORDER BY name", new { jobId })).AsList();
    }
}
