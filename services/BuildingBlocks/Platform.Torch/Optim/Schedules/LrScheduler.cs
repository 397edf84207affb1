namespace Platform.Torch.Optim.Schedules;

/// <summary>
/// Base of learning-rate schedules (torch.optim.lr_scheduler). Each schedule is a closed
/// form of the step count, applied to the optimizer at construction (step 0) and on each
/// <see cref="Step"/>, like PyTorch's <c>scheduler.step()</c> after <c>optimizer.step()</c>.
/// </summary>
public abstract class LrScheduler
{
    /// <summary>Binds the schedule to <paramref name="optimizer"/> and sets the step-0 rate.</summary>
    protected LrScheduler(Optimizer optimizer)
    {
        Optimizer = optimizer;
        BaseLearningRate = optimizer.InitialLearningRate;
    }

    /// <summary>The scheduled optimizer.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The optimizer's initial learning rate.</summary>
    public double BaseLearningRate { get; }

    /// <summary>Number of <see cref="Step"/> calls so far (PyTorch's last_epoch).</summary>
    public long LastEpoch { get; private set; }

    /// <summary>The rate the schedule gives at <paramref name="epoch"/>.</summary>
    public abstract double LearningRateAt(long epoch);

    /// <summary>Advances one step and updates the optimizer's learning rate.</summary>
    public void Step()
    {
        LastEpoch++;
        Optimizer.LearningRate = LearningRateAt(LastEpoch);
    }

    /// <summary>Sets the step-0 rate; derived constructors call it once their fields are set.</summary>
    protected void Start() => Optimizer.LearningRate = LearningRateAt(0);
}
