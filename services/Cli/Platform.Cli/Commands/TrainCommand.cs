using System.CommandLine;
using System.Globalization;
using Platform.Training.V1;

namespace Platform.Cli.Commands;

/// <summary><c>platform train MODEL DATASET [options] [--watch]</c>: a typed train job through the Training API.</summary>
public static class TrainCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext cli)
    {
        var model = new Argument<string>("model") { Description = "Zoo model: mlp, lenet5, smallcnn, resnet18-cifar, resnet18, vgg11, vgg16" };
        var dataset = new Argument<string>("dataset") { Description = "fashion-mnist, mnist, cifar10 or cifar100" };
        var epochs = new Option<int>("--epochs", "-e") { Description = "Epochs (default 3)" };
        var batchSize = new Option<int>("--batch-size", "-b") { Description = "Batch size (default 128)" };
        var optimizer = new Option<string?>("--optimizer") { Description = "sgd (default), adam, adamw or rmsprop" };
        var lr = new Option<double>("--lr") { Description = "Learning rate (default 0.05)" };
        var seed = new Option<int>("--seed") { Description = "Seed of initialisation, shuffling and augmentation (default 0)" };
        var subset = new Option<string?>("--subset") { Description = "Train on a random subset: a fraction in (0, 1) such as 0.1, or a sample count such as 5000" };
        var subsetSeed = new Option<int>("--subset-seed") { Description = "Seed of the subset (default 0)" };
        var validation = new Option<double>("--validation-fraction") { Description = "Hold out this class-stratified fraction as validation (LTC needs it)" };
        var testSamples = new Option<int>("--test-samples") { Description = "Evaluate on the first N test samples (default all)" };
        var modelName = new Option<string?>("--model-name", "-m") { Description = "Register the checkpoints under this model name" };
        var device = new Option<string?>("--device") { Description = "auto (default), cpu or cuda:N" };
        var threads = new Option<int>("--threads") { Description = "CPU threads (default all cores)" };
        var name = new Option<string?>("--name", "-n") { Description = "A label for the job" };
        var watch = new Option<bool>("--watch", "-w") { Description = "Follow the job with live progress; exit 1 if it did not succeed" };
        var command = new Command("train", "Train a model on a dataset (a train job); prints the job id")
        {
            model, dataset, epochs, batchSize, optimizer, lr, seed, subset, subsetSeed, validation, testSamples, modelName, device, threads, name, watch,
        };
        command.SetAction((parse, ct) => JobsCommand.Run(cli, parse, async channel =>
        {
            var config = new TrainConfig
            {
                Model = parse.GetValue(model)!, Dataset = parse.GetValue(dataset)!, Epochs = parse.GetValue(epochs),
                BatchSize = parse.GetValue(batchSize), Seed = parse.GetValue(seed), ValidationFraction = parse.GetValue(validation),
                TestSamples = parse.GetValue(testSamples), ModelName = parse.GetValue(modelName) ?? "", Device = parse.GetValue(device) ?? "",
                Threads = parse.GetValue(threads),
                Optimizer = new OptimizerConfig { Name = parse.GetValue(optimizer) ?? "", Lr = parse.GetValue(lr) },
                Subset = ParseSubset(parse.GetValue(subset), parse.GetValue(subsetSeed)),
            };
            var response = await new TrainingServiceClient(channel).SubmitTrain(new SubmitTrainRequest
            {
                Config = config, Placement = new JobPlacement { Name = parse.GetValue(name) ?? "" },
            });
            Console.WriteLine(response.JobId);
            return parse.GetValue(watch) ? await JobWatcher.WatchAsync(cli.Jobs(channel), response.JobId, ct) : ExitCodes.Ok;
        }));
        return command;
    }

    private static Subset? ParseSubset(string? value, int seed)
    {
        if (value is null)
            return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size >= 1)
            return new Subset { Size = size, Seed = seed };
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) && fraction is > 0 and < 1)
            return new Subset { Fraction = fraction, Seed = seed };
        throw new UsageException($"--subset '{value}' is neither a fraction in (0, 1) like 0.1 nor a sample count like 5000");
    }
}
