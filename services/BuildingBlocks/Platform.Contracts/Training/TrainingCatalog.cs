namespace Platform.Contracts.Training;

/// <summary>Names a training spec may use; the Training service's model zoo and dataset resolver implement exactly these.</summary>
public static class TrainingCatalog
{
    /// <summary>Models of the zoo.</summary>
    public static readonly IReadOnlyList<string> Models = ["mlp", "lenet5", "smallcnn", "resnet18-cifar", "resnet18", "vgg11", "vgg16"];

    /// <summary>
    /// Datasets a train job can name: Fashion-MNIST from Debian's package, MNIST and CIFAR from folders named by
    /// PLATFORM_MNIST_DIR, PLATFORM_CIFAR10_DIR, PLATFORM_CIFAR100_DIR on the worker.
    /// </summary>
    public static readonly IReadOnlyList<string> Datasets = ["fashion-mnist", "mnist", "cifar10", "cifar100"];

    /// <summary>Optimizers.</summary>
    public static readonly IReadOnlyList<string> Optimizers = ["sgd", "adam", "adamw", "rmsprop"];

    /// <summary>Learning-rate schedules.</summary>
    public static readonly IReadOnlyList<string> Schedules = ["constant", "step", "cosine", "onecycle"];

    /// <summary>Normalization layers a model can be built with.</summary>
    public static readonly IReadOnlyList<string> Norms = ["batch", "group"];
}
