using FluentAssertions;
using Platform.Training.Methods.Data;

namespace Platform.Training.Tests.Data;

public sealed class TrainingSetControlTests
{
    [Fact]
    public void SubsetsAreReproducibleForASeedAndDifferAcrossSeeds()
    {
        var a = SubsetSelector.Random(1000, 100, seed: 7);
        var b = SubsetSelector.Random(1000, 100, seed: 7);
        var c = SubsetSelector.Random(1000, 100, seed: 8);

        a.Should().Equal(b).And.BeInAscendingOrder().And.OnlyHaveUniqueItems();
        a.Should().NotEqual(c);
        SubsetSelector.Fraction(1000, 0.25, 1).Should().HaveCount(250);
    }

    [Fact]
    public void BadSubsetsAreRefusedWithWhatToFix()
    {
        var tooBig = () => SubsetSelector.Random(10, 11, 0);
        var dup = () => SubsetSelector.Explicit(10, [1, 2, 2]);
        var range = () => SubsetSelector.Explicit(10, [3, 10]);
        var empty = () => SubsetSelector.Explicit(10, []);

        tooBig.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*between 1 and the dataset's 10 samples (got 11)*");
        dup.Should().Throw<ArgumentException>().WithMessage("index 2 appears more than once*");
        range.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*out of range: 10*");
        empty.Should().Throw<ArgumentException>().WithMessage("*empty*");
    }

    [Fact]
    public void ShadowMasksPutEverySampleInExactlyHalfTheModels()
    {
        var masks = ShadowMasks.Balanced(models: 4, samples: 1000, seed: 3);

        masks.Should().HaveCount(4);
        for (var s = 0; s < 1000; s++)
            masks.Count(m => m[s]).Should().Be(2);
        masks.Select(m => m.Count(x => x)).Should().OnlyContain(n => n > 400 && n < 600, "each model sees about half the data");
        ShadowMasks.Members(masks[0]).Should().HaveCount(masks[0].Count(x => x)).And.BeInAscendingOrder();
        ShadowMasks.Balanced(4, 1000, 3).Should().BeEquivalentTo(masks, o => o.WithStrictOrdering());
    }

    [Theory]
    [InlineData(LabelNoiseKind.Symmetric)]
    [InlineData(LabelNoiseKind.Asymmetric)]
    public void InjectedNoiseRecordsExactlyTheChangedLabels(LabelNoiseKind kind)
    {
        var labels = Enumerable.Range(0, 5000).Select(i => i % 10).ToArray();

        var noisy = LabelNoise.Inject(labels, 10, 0.2, kind, seed: 11, LabelNoise.FashionMnistMap);

        var changed = Enumerable.Range(0, labels.Length).Where(i => noisy.Labels[i] != labels[i]).ToArray();
        noisy.Corrupted.Should().Equal(changed);
        changed.Should().HaveCount(1000);
        if (kind == LabelNoiseKind.Asymmetric)
            changed.Should().OnlyContain(i => noisy.Labels[i] == LabelNoise.FashionMnistMap[labels[i]]);
    }

    [Fact]
    public void ConflictingDuplicatesGetAnotherLabel()
    {
        var labels = Enumerable.Range(0, 100).Select(i => i % 10).ToArray();

        var duplicates = ConflictingDuplicates.Choose(labels, 10, 12, seed: 5);

        duplicates.Should().HaveCount(12);
        duplicates.Select(d => d.Source).Should().OnlyHaveUniqueItems().And.BeInAscendingOrder();
        duplicates.Should().OnlyContain(d => d.Label != labels[d.Source] && d.Label >= 0 && d.Label < 10);
    }
}
