using Platform.Rpc.Protocol;

namespace Platform.Rpc.Tests.Protocol;

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("3S", 30_000_000L)]
    [InlineData("300m", 3_000_000L)]
    [InlineData("15u", 150L)]
    [InlineData("1000n", 10L)]
    [InlineData("0n", 0L)]
    public void ParsesEveryUnit(string value, long ticks)
    {
        GrpcTimeout.TryParse(value, out var timeout).Should().BeTrue();
        timeout.Ticks.Should().Be(ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10x")]
    [InlineData("-1S")]
    [InlineData("123456789S")]
    public void RejectsMalformedValues(string value) => GrpcTimeout.TryParse(value, out _).Should().BeFalse();

    [Fact]
    public void FormatsWithTheFinestUnitThatFitsEightDigits()
    {
        GrpcTimeout.Format(TimeSpan.FromMilliseconds(300)).Should().Be("300000u");
        GrpcTimeout.Format(TimeSpan.FromHours(1)).Should().Be("3600000m");
        GrpcTimeout.Format(TimeSpan.FromDays(3650)).Should().Be("5256000M");
        GrpcTimeout.Format(TimeSpan.FromDays(365_000)).Should().Be("8760000H");
        GrpcTimeout.Format(TimeSpan.FromTicks(1)).Should().Be("1u", "a timeout never rounds down to zero");
    }

    [Fact]
    public void FormattedValuesParseBack()
    {
        foreach (var timeout in new[] { TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(99), TimeSpan.FromMinutes(5), TimeSpan.FromDays(1) })
        {
            GrpcTimeout.TryParse(GrpcTimeout.Format(timeout), out var parsed).Should().BeTrue();
            parsed.Should().Be(timeout);
        }
    }
}
