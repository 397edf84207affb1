using FluentAssertions;
using Platform.Training.Methods.Coresets;

namespace Platform.Training.Tests.Coresets;

public sealed class LossTrajectoryCorrelationTests
{
    [Fact]
    public void SamplesWhoseLossMovesWithTheirClassScoreHighest()
    {
        // Validation loss of class 0 falls fast then plateaus; class 1 falls more slowly, then plateaus.
        float[][] validation = [[2, 1, 0.5f, 0.4f, 0.35f], [2, 1.5f, 1.3f, 1.2f, 1.15f]];
        int[] validationLabels = [0, 1];
        float[][] train =
        [
            [3, 1.5f, 0.8f, 0.7f, 0.6f],   // class 0, same shape as its class: r ≈ 1
            [1, 1.1f, 1.0f, 1.2f, 0.3f],   // class 0, unrelated
            [4, 3, 2.6f, 2.4f, 2.3f],      // class 1, its class's shape scaled: r ≈ 1
            [5, 4, 3, 2, 1],                // class 1, changes that do not vary: r = 0
        ];
        int[] trainLabels = [0, 0, 1, 1];

        var scores = LossTrajectoryCorrelation.Scores(train, trainLabels, validation, validationLabels);

        scores[0].Should().BeGreaterThan(0.95);
        scores[1].Should().BeLessThan(scores[0]);
        scores[2].Should().BeGreaterThan(0.95);
        scores[3].Should().Be(0, "a sample whose changes do not vary has no correlation");
        LossTrajectoryCorrelation.TopPerClass(scores, trainLabels, 1).Should().Equal(0, 2);
    }

    [Fact]
    public void MissingValidationClassOrShortTrajectoriesAreRefused()
    {
        float[][] two = [[1, 2]];
        var shortRun = () => LossTrajectoryCorrelation.Scores(two, [0], two, [0]);
        float[][] three = [[1, 2, 3]];
        var missing = () => LossTrajectoryCorrelation.Scores(three, [1], three, [0]);

        shortRun.Should().Throw<ArgumentException>().WithMessage("*at least 3 epochs*");
        missing.Should().Throw<ArgumentException>().WithMessage("class 1 has no validation samples*");
    }

    [Fact]
    public void CumulativeSampleLossSumsEachTrajectory()
    {
        CumulativeSampleLoss.Scores([[1, 2, 3], [0.5f, 0.5f, 0]]).Should().Equal(6.0, 1.0);
    }
}
