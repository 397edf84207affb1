using Platform.Contracts.Jobs;
using Platform.Contracts.Training;
using Platform.Training.V1;

namespace Platform.Lab.Api.Training;

/// <summary>Typed training requests to job specs: a zero or unset field keeps the spec's default.</summary>
internal static class TrainConfigMapping
{
    public static TrainSpec ToSpec(this TrainConfig? config)
    {
        var d = new TrainSpec();
        if (config is null)
            return d;
        return new TrainSpec
        {
            Dataset = Or(config.Dataset, d.Dataset),
            Model = Or(config.Model, d.Model),
            Norm = Or(config.Norm, d.Norm),
            Epochs = Or(config.Epochs, d.Epochs),
            BatchSize = Or(config.BatchSize, d.BatchSize),
            Optimizer = config.Optimizer.ToSpec(),
            Seed = config.Seed,
            Device = Or(config.Device, d.Device),
            Threads = config.Threads,
            Subset = config.Subset.ToSpec(),
            LabelNoise = config.LabelNoise is { } n
                ? new LabelNoiseSpec { Rate = n.Rate, Kind = Or(n.Kind, "symmetric"), Seed = n.Seed, ConflictingDuplicates = n.ConflictingDuplicates }
                : null,
            Privacy = config.Privacy.ToSpec(),
            CheckpointEvery = Or(config.CheckpointEvery, d.CheckpointEvery),
            RecordTrajectories = config.HasRecordTrajectories ? config.RecordTrajectories : d.RecordTrajectories,
            ValidationFraction = config.ValidationFraction,
            TestSamples = config.TestSamples == 0 ? null : config.TestSamples,
            ModelName = string.IsNullOrEmpty(config.ModelName) ? null : config.ModelName,
            RandomCropPadding = config.RandomCropPadding,
            HorizontalFlip = config.HorizontalFlip,
        };
    }

    public static CoresetSpec ToSpec(this SubmitCoresetRequest request)
    {
        var d = new CoresetSpec();
        return new CoresetSpec
        {
            Train = request.Train.ToSpec(),
            Source = string.IsNullOrEmpty(request.SourceJobId)
                ? null
                : new ArtifactReference { JobId = RpcErrors.RequireId(request.SourceJobId, "source_job_id"), Name = "trajectories.safetensors" },
            SourceEpochs = request.SourceEpochs == 0 ? null : request.SourceEpochs,
            ValidationFraction = request.ValidationFraction == 0 ? d.ValidationFraction : request.ValidationFraction,
            Fraction = request.Fraction == 0 ? d.Fraction : request.Fraction,
            Methods = request.Methods.Count == 0 ? d.Methods : [.. request.Methods],
            Seeds = Or(request.Seeds, d.Seeds),
        };
    }

    public static ShadowSetSpec ToSpec(this SubmitShadowSetRequest request)
    {
        var d = new ShadowSetSpec();
        return new ShadowSetSpec
        {
            Train = request.Train.ToSpec(),
            Models = Or(request.Models, d.Models),
            InFraction = request.InFraction == 0 ? d.InFraction : request.InFraction,
            PoolSize = request.PoolSize == 0 ? null : request.PoolSize,
            MaskSeed = request.MaskSeed,
        };
    }

    private static OptimizerSpec ToSpec(this OptimizerConfig? o)
    {
        var d = new OptimizerSpec();
        if (o is null)
            return d;
        return new OptimizerSpec
        {
            Name = Or(o.Name, d.Name),
            Lr = o.Lr == 0 ? d.Lr : o.Lr,
            Momentum = o.HasMomentum ? o.Momentum : d.Momentum,
            Nesterov = o.Nesterov,
            WeightDecay = o.HasWeightDecay ? o.WeightDecay : d.WeightDecay,
            Schedule = Or(o.Schedule, d.Schedule),
            StepEpochs = Or(o.StepEpochs, d.StepEpochs),
            Gamma = o.Gamma == 0 ? d.Gamma : o.Gamma,
            WarmupEpochs = o.WarmupEpochs,
        };
    }

    private static SubsetSpec? ToSpec(this Subset? s) => s?.ChoiceCase switch
    {
        null => null,
        Subset.ChoiceOneofCase.Fraction => new SubsetSpec { Fraction = s.Fraction, Seed = s.Seed },
        Subset.ChoiceOneofCase.Size => new SubsetSpec { Size = s.Size, Seed = s.Seed },
        Subset.ChoiceOneofCase.Indices => new SubsetSpec { Indices = [.. s.Indices.Values], Seed = s.Seed },
        _ => throw RpcErrors.InvalidArgument("subset needs one of fraction, size or indices", ("subset", "none of fraction, size, indices set")),
    };

    private static PrivacySpec? ToSpec(this Privacy? p)
    {
        if (p is null)
            return null;
        var d = new PrivacySpec();
        return new PrivacySpec
        {
            MaxGradNorm = p.MaxGradNorm == 0 ? d.MaxGradNorm : p.MaxGradNorm,
            NoiseMultiplier = p.HasNoiseMultiplier ? p.NoiseMultiplier : null,
            TargetEpsilon = p.HasTargetEpsilon ? p.TargetEpsilon : null,
            Delta = p.Delta == 0 ? d.Delta : p.Delta,
            Sampling = Or(p.Sampling, d.Sampling),
        };
    }

    private static string Or(string value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;

    private static int Or(int value, int fallback) => value == 0 ? fallback : value;
}
