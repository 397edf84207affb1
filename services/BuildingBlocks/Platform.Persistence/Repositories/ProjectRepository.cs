using Dapper;
using Platform.Persistence.Connections;
using Platform.Persistence.Records;

namespace Platform.Persistence.Repositories;

/// <summary>The <c>projects</c> and <c>experiments</c> tables.</summary>
public sealed class ProjectRepository(IDbConnectionFactory connections)
{
    /// <summary>Creates a project; the name must be unused.</summary>
    public async Task<ProjectRecord> CreateAsync(string name, string description, CancellationToken ct = default)
    {
        var record = new ProjectRecord(Guid.NewGuid(), name, description, Clock.Now());
        await using var c = await connections.OpenAsync(ct);
        if (await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM projects WHERE name = @name", new { name }) > 0)
            throw new DuplicateNameException($"a project named '{name}' exists already; choose another name");
        await c.ExecuteAsync(
            "INSERT INTO projects (id, name, description, created_at) VALUES (@Id, @Name, @Description, @CreatedAt)", record);
        return record;
    }

    /// <summary>The project, or null.</summary>
    public async Task<ProjectRecord?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<ProjectRecord>("SELECT * FROM projects WHERE id = @id", new { id });
    }

    /// <summary>The project named <paramref name="name"/>, or null.</summary>
    public async Task<ProjectRecord?> FindAsync(string name, CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<ProjectRecord>("SELECT * FROM projects WHERE name = @name", new { name });
    }

    /// <summary>All projects by name.</summary>
    public async Task<IReadOnlyList<ProjectRecord>> ListAsync(CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        return (await c.QueryAsync<ProjectRecord>("SELECT * FROM projects ORDER BY name")).AsList();
    }

    /// <summary>Creates an experiment in a project; the name must be unused in that project.</summary>
    public async Task<ExperimentRecord> CreateExperimentAsync(
        Guid projectId, string name, string description, CancellationToken ct = default)
    {
        var record = new ExperimentRecord(Guid.NewGuid(), projectId, name, description, Clock.Now());
        await using var c = await connections.OpenAsync(ct);
        if (await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM projects WHERE id = @projectId", new { projectId }) == 0)
            throw new KeyNotFoundException($"project {projectId} does not exist");
        if (await c.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM experiments WHERE project_id = @projectId AND name = @name", new { projectId, name }) > 0)
            throw new DuplicateNameException($"project {projectId} has an experiment named '{name}' already; choose another name");
        await c.ExecuteAsync(
            "INSERT INTO experiments (id, project_id, name, description, created_at) " +
            "VALUES (@Id, @ProjectId, @Name, @Description, @CreatedAt)", record);
        return record;
    }

    /// <summary>The experiment, or null.</summary>
    public async Task<ExperimentRecord?> GetExperimentAsync(Guid id, CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<ExperimentRecord>("SELECT * FROM experiments WHERE id = @id", new { id });
    }

    /// <summary>The experiments of a project by name.</summary>
    public async Task<IReadOnlyList<ExperimentRecord>> ListExperimentsAsync(Guid projectId, CancellationToken ct = default)
    {
        await using var c = await connections.OpenAsync(ct);
        return (await c.QueryAsync<ExperimentRecord>(
            "SELECT * FROM experiments WHERE project_id = @projectId ORDER BY name", new { projectId })).AsList();
    }
}
