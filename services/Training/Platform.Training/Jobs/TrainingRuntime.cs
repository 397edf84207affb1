using Platform.Contracts.Training;
using Platform.Torch;

namespace Platform.Training.Jobs;

/// <summary>Process-wide libtorch settings for a training job: device and thread count.</summary>
internal static class TrainingRuntime
{
    public static Device Prepare(TrainSpec spec)
    {
        Torch.Torch.SetNumThreads(spec.Threads > 0 ? spec.Threads : Environment.ProcessorCount);
        return Device.Resolve(spec.Device);
    }
}
