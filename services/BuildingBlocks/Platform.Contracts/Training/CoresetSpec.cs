using Platform.Contracts.Jobs;

namespace Platform.Contracts.Training;

/// <summary>
/// Spec of <see cref="TrainingJobKinds.Coreset"/>: take per-sample loss trajectories (from <see cref="Source"/>, or
/// from a full-data run trained first with a class-stratified validation hold-out), select a coreset of
/// <see cref="Fraction"/> of every class with each of <see cref="Methods"/>, and train on it and on class-balanced
/// random subsets of the same size for <see cref="Seeds"/> seeds; reports test accuracy mean ± std per method.
/// </summary>
public sealed record CoresetSpec : IJobSpec, IReferencesArtifacts
{
    /// <summary>Selection methods a coreset job offers (random is always trained as the baseline).</summary>
    public static readonly IReadOnlyList<string> KnownMethods = ["ltc", "csl"];

    /// <summary>
    /// How the coreset and random-subset models are trained, and the source run (with <see cref="SourceEpochs"/>); its
    /// subset, if any, is the pool the source run trains on and the coresets are chosen from.
    /// </summary>
    public TrainSpec Train { get; init; } = new();

    /// <summary>
    /// Trajectories of an earlier train job (its <c>trajectories.safetensors</c>, recorded with a validation
    /// fraction); null = train the full-data source run first, in this job.
    /// </summary>
    public ArtifactReference? Source { get; init; }

    /// <summary>Epochs of the source run (null = <see cref="TrainSpec.Epochs"/>); LTC needs at least 3.</summary>
    public int? SourceEpochs { get; init; }

    /// <summary>Class-stratified fraction of the training set the source run holds out as validation.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>Fraction of every class (of the samples with trajectories) kept in a coreset.</summary>
    public double Fraction { get; init; } = 0.1;

    /// <summary>ltc (loss-trajectory correlation, CLD) and/or csl (highest cumulative sample loss, the cheap baseline).</summary>
    public string[] Methods { get; init; } = ["ltc"];

    /// <summary>Seeds per method: seed s trains with <c>train.seed + s</c> and draws random subset s.</summary>
    public int Seeds { get; init; } = 3;

    IEnumerable<ArtifactReference> IReferencesArtifacts.Artifacts => Source is null ? [] : [Source];

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        if (Fraction is <= 0 or >= 1 || double.IsNaN(Fraction))
            yield return $"fraction must be in (0, 1) (got {Fraction})";
        if (Seeds is < 1 or > 50)
            yield return $"seeds must be between 1 and 50 (got {Seeds})";
        if (Methods.Length == 0)
            yield return $"methods is empty; use one or more of {string.Join(", ", KnownMethods)}";
        foreach (var m in Methods.Where(m => !KnownMethods.Contains(m)))
            yield return $"method '{m}' is unknown; use one or more of {string.Join(", ", KnownMethods)} (random is always trained)";
        if (Methods.Distinct().Count() != Methods.Length)
            yield return "methods lists a method twice";
        if (SourceEpochs is < 3 || (SourceEpochs is null && Source is null && Train.Epochs < 3))
            yield return $"the source run needs at least 3 epochs to correlate loss changes (sourceEpochs = {SourceEpochs ?? Train.Epochs})";
        if (ValidationFraction is <= 0 or >= 0.5 || double.IsNaN(ValidationFraction))
            yield return $"validationFraction must be in (0, 0.5) (got {ValidationFraction}); LTC needs validation losses per class";
        if (Source is not null && Source.JobId == Guid.Empty)
            yield return "source.jobId is empty; name the train job whose trajectories to use";
        if (Source is not null && string.IsNullOrWhiteSpace(Source.Name))
            yield return "source.name is empty; use the artifact name, e.g. trajectories.safetensors";
        if (Train.Subset is not null && Source is not null)
            yield return "train.subset must be empty when source is given: the source's trajectories define the pool";
        if (Train.LabelNoise is not null)
            yield return "train.labelNoise is not supported by coreset jobs (the subsets would be relabeled independently)";
        if (Train.ValidationFraction != 0)
            yield return "train.validationFraction must be 0; set validationFraction of the coreset spec instead";
        foreach (var p in Train.Validate()) yield return "train." + p;
    }
}
