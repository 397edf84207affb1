using Platform.Contracts.Jobs;
using Platform.Messaging.Jobs;
using Platform.Persistence.Repositories;

namespace Platform.Lab.Jobs;

/// <summary>Pins the artifacts of earlier jobs that a spec names to their content hash at submission.</summary>
public sealed class ArtifactReferenceResolver(JobRepository jobs, ArtifactRepository artifacts)
{
    /// <summary>Fills in every reference of <paramref name="spec"/>; unknown jobs or artifact names are refused.</summary>
    public async Task ResolveAsync(string kind, IJobSpec spec, CancellationToken ct)
    {
        if (spec is not IReferencesArtifacts references)
            return;
        var problems = new List<string>();
        foreach (var reference in references.Artifacts)
        {
            if (await jobs.GetAsync(reference.JobId, ct) is null)
            {
                problems.Add($"job {reference.JobId} does not exist");
                continue;
            }
            var stored = (await artifacts.ListByJobAsync(reference.JobId, ct)).LastOrDefault(a => a.Name == reference.Name);
            if (stored is null)
            {
                problems.Add($"job {reference.JobId} has no artifact '{reference.Name}' (has it finished? list them with `artifacts list`)");
                continue;
            }
            reference.Sha256 = stored.Sha256;
        }
        if (problems.Count > 0)
            throw new JobSpecException(kind, problems);
    }
}
