using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Contracts.Training;

namespace Platform.Dashboard.Model;

/// <summary>
/// The fields of the train form. <see cref="Problems"/> runs the same <see cref="TrainSpec.Validate"/> Lab runs,
/// so a bad form shows what to fix and sends nothing.
/// </summary>
public sealed class TrainForm
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Name { get; set; } = "";
    public string Model { get; set; } = "smallcnn";
    public string Dataset { get; set; } = "fashion-mnist";
    public string Norm { get; set; } = "batch";
    public int Epochs { get; set; } = 3;
    public int BatchSize { get; set; } = 128;
    public string Optimizer { get; set; } = "sgd";
    public double Lr { get; set; } = 0.05;
    public double Momentum { get; set; } = 0.9;
    public double WeightDecay { get; set; } = 5e-4;
    public string Schedule { get; set; } = "cosine";
    public int Seed { get; set; }
    public string Device { get; set; } = "auto";
    public int? SubsetSize { get; set; }
    public int? TestSamples { get; set; }
    public bool RecordTrajectories { get; set; } = true;
    public string ModelName { get; set; } = "";
    public bool Private { get; set; }
    public double? NoiseMultiplier { get; set; }
    public double? TargetEpsilon { get; set; }
    public double MaxGradNorm { get; set; } = 1.0;

    public TrainSpec ToSpec() => new()
    {
        Model = Model,
        Dataset = Dataset,
        Norm = Norm,
        Epochs = Epochs,
        BatchSize = BatchSize,
        Optimizer = new OptimizerSpec { Name = Optimizer, Lr = Lr, Momentum = Momentum, WeightDecay = WeightDecay, Schedule = Schedule },
        Seed = Seed,
        Device = Device,
        Subset = SubsetSize is { } size ? new SubsetSpec { Size = size, Seed = Seed } : null,
        TestSamples = TestSamples,
        RecordTrajectories = RecordTrajectories,
        ModelName = ModelName.Length > 0 ? ModelName : null,
        Privacy = Private ? new PrivacySpec { NoiseMultiplier = NoiseMultiplier, TargetEpsilon = TargetEpsilon, MaxGradNorm = MaxGradNorm } : null,
    };

    /// <summary>What to fix before the spec can be sent; empty when it is valid.</summary>
    public IReadOnlyList<string> Problems() => ToSpec().Validate().ToList();

    /// <summary>The spec as Lab takes it (camelCase, no nulls).</summary>
    public string ToJson() => JsonSerializer.Serialize(ToSpec(), Json);
}
