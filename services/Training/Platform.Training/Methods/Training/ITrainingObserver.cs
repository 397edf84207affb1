namespace Platform.Training.Methods.Training;

/// <summary>How a <see cref="Trainer"/> reports while it runs (the job layer publishes; tests record).</summary>
public interface ITrainingObserver
{
    /// <summary>A batch finished; cheap, called often.</summary>
    void BatchDone(int epoch, int batch, int batchesPerEpoch);

    /// <summary>An epoch finished with these metrics.</summary>
    Task EpochEndedAsync(EpochMetrics metrics);

    /// <summary>A checkpoint is due after <paramref name="epochsDone"/> epochs (save the trainer's state).</summary>
    Task CheckpointAsync(int epochsDone);
}
