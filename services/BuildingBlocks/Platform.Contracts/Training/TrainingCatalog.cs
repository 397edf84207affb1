namespace Platform.Contracts.Training;

/// <summary>Names a training spec may use; the Training service's model zoo and dataset resolver implement exactly these.</summary>
public static class TrainingCatalog
{
    /// <summary>Models of the zoo.</summary>
    public static readonly IReadOnlyList<string> Models = ["mlp", "lenet5", "smallcnn", "resnet18-cifar", "resnet18", "vgg11", "vgg16"];

    /// <summary>Datasets available without registration.</summary>
    public static readonly IReadOnlyList<string> BuiltinDatasets = ["fashion-mnist"];

    /// <summary>Optimizers.</summary>
    public static readonly IReadOnlyList<string> Optimizers = ["sgd", "adam", "adamw", "rmsprop"];

    /// <summary>Learning-rate schedules.</summary>
    public static readonly IReadOnlyList<string> Schedules = ["constant", "step", "cosine", "onecycle"];

    /// <summary>Normalization layers a model can be built with.</summary>
    public static readonly IReadOnlyList<string> Norms = ["batch", "group"];
}
