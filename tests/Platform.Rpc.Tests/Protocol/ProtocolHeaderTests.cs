using Platform.Rpc.Protocol;

namespace Platform.Rpc.Tests.Protocol;

public sealed class ProtocolHeaderTests
{
    [Fact]
    public void BinaryValuesAreSentUnpaddedAndReadWithOrWithoutPadding()
    {
        MetadataHeaders.EncodeBinary([1]).Should().Be("AQ");
        MetadataHeaders.DecodeBinary("AQ").Should().Equal(1);
        MetadataHeaders.DecodeBinary("AQ==").Should().Equal(1);
    }

    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("application/grpc; charset=utf-8", true)]
    [InlineData("APPLICATION/GRPC", true)]
    [InlineData("application/grpc+json", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void RecognisesGrpcContentTypes(string? contentType, bool expected) =>
        GrpcHeaders.IsGrpcContentType(contentType).Should().Be(expected);

    [Theory]
    [InlineData(400, StatusCode.Internal)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(403, StatusCode.PermissionDenied)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(429, StatusCode.Unavailable)]
    [InlineData(502, StatusCode.Unavailable)]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(504, StatusCode.Unavailable)]
    [InlineData(415, StatusCode.Unknown)]
    public void MapsHttpStatusesAsTheSpecSays(int httpStatus, StatusCode expected) =>
        HttpStatusMapping.ToStatusCode(httpStatus).Should().Be(expected);

    [Fact]
    public void MetadataRejectsInvalidKeysAndValues()
    {
        var metadata = new Metadata();

        metadata.Invoking(m => m.Add("Bad Key", "v")).Should().Throw<ArgumentException>();
        metadata.Invoking(m => m.Add("x-bin", "text")).Should().Throw<ArgumentException>();
        metadata.Invoking(m => m.Add("x-text", [1, 2])).Should().Throw<ArgumentException>();
        metadata.Invoking(m => m.Add("x-text", "ünicode")).Should().Throw<ArgumentException>();
        metadata.Add("X-Mixed-Case", "v").GetString("x-mixed-case").Should().Be("v");
    }
}
