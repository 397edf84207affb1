using Platform.Rpc.Protocol;

namespace Platform.Rpc.Tests.Protocol;

public sealed class PercentEncodingTests
{
    [Fact]
    public void EncodesNonAsciiAndPercentAsUtf8Escapes()
    {
        PercentEncoding.Encode("ok 100% ü").Should().Be("ok 100%25 %C3%BC");
        PercentEncoding.Encode("plain text").Should().Be("plain text");
        PercentEncoding.Encode("line\nbreak").Should().Be("line%0Abreak");
    }

    [Fact]
    public void DecodesEscapesAndKeepsMalformedOnes()
    {
        PercentEncoding.Decode("ok 100%25 %C3%BC").Should().Be("ok 100% ü");
        PercentEncoding.Decode("50%").Should().Be("50%");
        PercentEncoding.Decode("%zz").Should().Be("%zz");
    }

    [Fact]
    public void RoundTripsAnyText()
    {
        const string text = "name must not be empty – ünïcode ✓ 100% 😀";
        PercentEncoding.Decode(PercentEncoding.Encode(text)).Should().Be(text);
    }
}
