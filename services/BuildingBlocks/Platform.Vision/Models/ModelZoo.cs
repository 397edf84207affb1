using Platform.Torch.Nn;

namespace Platform.Vision.Models;

/// <summary>Builds the platform's models by name (the names jobs and clients use).</summary>
public static class ModelZoo
{
    private static readonly Dictionary<string, Func<ModelOptions, Module>> Builders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mlp"] = o => new Mlp(o.InChannels, o.NumClasses, o.ImageSize),
        ["lenet5"] = o => new LeNet5(o.InChannels, o.NumClasses, o.ImageSize),
        ["smallcnn"] = o => new SmallCnn(o.InChannels, o.NumClasses, o.ImageSize, o.Norm),
        ["resnet18-cifar"] = o => new ResNet18(o.InChannels, o.NumClasses, ResNetStem.Cifar, o.Norm),
        ["resnet18"] = o => new ResNet18(o.InChannels, o.NumClasses, ResNetStem.ImageNet, o.Norm),
        ["vgg11"] = o => new Vgg(11, o.InChannels, o.NumClasses, o.Norm, o.VggHead),
        ["vgg16"] = o => new Vgg(16, o.InChannels, o.NumClasses, o.Norm, o.VggHead),
    };

    /// <summary>Every name <see cref="Create"/> accepts.</summary>
    public static IReadOnlyCollection<string> Names => Builders.Keys;

    /// <summary>Builds model <paramref name="name"/>; initialised from the default generator (seed it with Torch.ManualSeed).</summary>
    /// <exception cref="ArgumentException">The name is unknown; the message lists the known ones.</exception>
    public static Module Create(string name, ModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Builders.TryGetValue(name.Trim(), out var build))
        {
            throw new ArgumentException($"unknown model '{name}'; known models: {string.Join(", ", Names)}", nameof(name));
        }
        return build(options ?? new ModelOptions());
    }

    /// <summary>Number of trainable parameter elements (sum of numel over parameters).</summary>
    public static long ParameterCount(Module model) => model.Parameters().Sum(p => p.NumEl);
}
