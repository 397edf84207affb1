using Google.Protobuf;
using Google.Protobuf.Reflection;
using Platform.Rpc.Tests.Infrastructure;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace Platform.Rpc.Tests.Reflection;

[Collection(RpcServerCollection.Name)]
public sealed class ReflectionServiceTests(RpcTestServer server)
{
    [Fact]
    public async Task V1ListsEveryMappedService()
    {
        var response = await AskV1(new V1.ServerReflectionRequest { ListServices = "" });

        response.ListServicesResponse.Service.Select(s => s.Name).Should().Contain(
            ["platform.testing.v1.TestService", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"]);
    }

    [Fact]
    public async Task V1FileContainingSymbolReturnsTheFileAndItsDependencies()
    {
        var response = await AskV1(new V1.ServerReflectionRequest { FileContainingSymbol = "platform.testing.v1.TestService" });

        var files = response.FileDescriptorResponse.FileDescriptorProto.Select(FileDescriptorProto.Parser.ParseFrom).ToList();
        files.Select(f => f.Name).Should().Equal("testing.proto", "google/protobuf/empty.proto");
        files[0].Service.Single(s => s.Name == "TestService").Method.Select(m => m.Name).Should().Contain(["Echo", "Count", "Sum", "Chat"]);
    }

    [Theory]
    [InlineData("platform.testing.v1.TestService.Echo")]
    [InlineData("platform.testing.v1.Outer.Inner")]
    [InlineData("platform.testing.v1.EchoRequest")]
    public async Task V1FindsMethodsAndNestedMessages(string symbol)
    {
        var response = await AskV1(new V1.ServerReflectionRequest { FileContainingSymbol = symbol });

        FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]).Name.Should().Be("testing.proto");
    }

    [Fact]
    public async Task V1FileByFilenameAndNotFoundErrors()
    {
        var byName = await AskV1(new V1.ServerReflectionRequest { FileByFilename = "grpc/health/v1/health.proto" });
        var missingFile = await AskV1(new V1.ServerReflectionRequest { FileByFilename = "nope.proto" });
        var missingSymbol = await AskV1(new V1.ServerReflectionRequest { FileContainingSymbol = "no.Such" });

        FileDescriptorProto.Parser.ParseFrom(byName.FileDescriptorResponse.FileDescriptorProto[0]).Package.Should().Be("grpc.health.v1");
        missingFile.ErrorResponse.ErrorCode.Should().Be((int)StatusCode.NotFound);
        missingSymbol.ErrorResponse.ErrorCode.Should().Be((int)StatusCode.NotFound);
        missingSymbol.ErrorResponse.ErrorMessage.Should().Contain("no.Such");
    }

    [Fact]
    public async Task V1AlphaAnswersTheSameQuestions()
    {
        var client = new V1Alpha.ServerReflectionClient(server.Channel);
        var responses = new List<V1Alpha.ServerReflectionResponse>();

        await foreach (var response in client.ServerReflectionInfo(Requests()))
        {
            responses.Add(response);
        }

        responses.Should().HaveCount(2);
        responses[0].ListServicesResponse.Service.Select(s => s.Name).Should().Contain("platform.testing.v1.TestService");
        FileDescriptorProto.Parser.ParseFrom(responses[1].FileDescriptorResponse.FileDescriptorProto[0]).Name.Should().Be("testing.proto");

        static async IAsyncEnumerable<V1Alpha.ServerReflectionRequest> Requests()
        {
            await Task.Yield();
            yield return new V1Alpha.ServerReflectionRequest { ListServices = "*" };
            yield return new V1Alpha.ServerReflectionRequest { FileContainingSymbol = "platform.testing.v1.Number" };
        }
    }

    private async Task<V1.ServerReflectionResponse> AskV1(V1.ServerReflectionRequest request)
    {
        var client = new V1.ServerReflectionClient(server.Channel);
        var responses = new List<V1.ServerReflectionResponse>();
        await foreach (var response in client.ServerReflectionInfo(One(request)))
        {
            responses.Add(response);
        }

        responses.Should().ContainSingle();
        responses[0].OriginalRequest.Should().Be(request);
        return responses[0];

        static async IAsyncEnumerable<V1.ServerReflectionRequest> One(V1.ServerReflectionRequest r)
        {
            await Task.Yield();
            yield return r;
        }
    }
}
