using FluentAssertions;
using Platform.Torch;
using Platform.Vision.Data;
using Platform.Vision.Transforms;

namespace Platform.Vision.Tests.Transforms;

using Torch = Platform.Torch.Torch;

public class TransformTests
{
    private static Tensor Batch() => Tensor.From(Enumerable.Range(0, 2 * 3 * 4 * 5).Select(i => (float)i).ToArray(), [2, 3, 4, 5]);

    [Fact]
    public void NormalizeSubtractsMeanAndDividesByStdPerChannel()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Batch();
        var y = new Normalize([1f, 2f, 3f], [2f, 4f, 0.5f]).Apply(x, new SeededRandom(0));
        y[1][2][3][4].Item<float>().Should().Be((x[1][2][3][4].Item<float>() - 3f) / 0.5f);
        y[0][0][0][0].Item<float>().Should().Be(-0.5f);
        y[0][1][0][1].Item<float>().Should().Be((21f - 2f) / 4f);
        var wrong = () => new Normalize([0.5f], [0.5f]).Apply(x, new SeededRandom(0));
        wrong.Should().Throw<ArgumentException>().WithMessage("Normalize has 1 channel(s) but the batch is [2, 3, 4, 5]*");
    }

    [Fact]
    public void FlipWithProbabilityOneMirrorsEveryRowAndZeroKeepsTheImage()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Batch();
        var flipped = new RandomHorizontalFlip(1).Apply(x, new SeededRandom(0));
        flipped[1][2][3].ToArray<float>().Should().Equal(x[1][2][3].ToArray<float>().Reverse());
        new RandomHorizontalFlip(0).Apply(x, new SeededRandom(0)).ToArray<float>().Should().Equal(x.ToArray<float>());
    }

    [Fact]
    public void FlipDecidesPerSample()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Tensor.Randn([200, 1, 2, 3], new Generator(3));
        var y = new RandomHorizontalFlip().Apply(x, new SeededRandom(11));
        var flippedCount = Enumerable.Range(0, 200).Count(i => !y[i].ToArray<float>().SequenceEqual(x[i].ToArray<float>()));
        flippedCount.Should().BeInRange(70, 130);
    }

    [Fact]
    public void CropWithPaddingTakesAWindowOfTheZeroPaddedImage()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Batch() + 1;
        var y = new RandomCrop(4, padding: 2).Apply(x, new SeededRandom(5));
        y.Shape.Should().Equal(2, 3, 4, 4);
        for (var n = 0; n < 2; n++)
        {
            var found = false;
            for (var top = 0; top <= 4 && !found; top++)
            {
                for (var left = 0; left <= 5 && !found; left++)
                {
                    found = Window(x[n], top - 2, left - 2).SequenceEqual(y[n].ToArray<float>());
                }
            }
            found.Should().BeTrue($"sample {n} is a 4x4 window of the padded image");
        }
        new RandomCrop(5, 0).Apply(Tensor.Ones([1, 1, 5, 5]), new SeededRandom(0)).ToArray<float>().Should().OnlyContain(v => v == 1);
    }

    [Fact]
    public void SameSeedSameCrops()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Batch();
        var crop = new RandomCrop(4, 3);
        crop.Apply(x, new SeededRandom(8)).ToArray<float>().Should().Equal(crop.Apply(x, new SeededRandom(8)).ToArray<float>());
    }

    private static float[] Window(Tensor image, int top, int left)
    {
        var (c, h, w) = ((int)image.Size(0), (int)image.Size(1), (int)image.Size(2));
        var values = image.ToArray<float>();
        var result = new List<float>();
        for (var ch = 0; ch < c; ch++)
        {
            for (var i = top; i < top + 4; i++)
            {
                for (var j = left; j < left + 4; j++)
                {
                    result.Add(i < 0 || j < 0 || i >= h || j >= w ? 0 : values[(ch * h + i) * w + j]);
                }
            }
        }
        return [.. result];
    }
}
