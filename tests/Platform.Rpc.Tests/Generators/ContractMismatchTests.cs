using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Platform.Rpc.Server;
using Platform.Testing.V1;

namespace Platform.Rpc.Tests.Generators;

public sealed class ContractMismatchTests
{
    [Fact]
    public void ImplementationThatDoesNotMatchTheProtoIsACompileError()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Platform.Rpc;
            using Platform.Testing.V1;

            public sealed class Broken : ITestService
            {
                // Unary where the proto says server streaming; every other rpc missing.
                public Task<CountResponse> Count(CountRequest request, CallContext? context = null) => Task.FromResult(new CountResponse());
            }
            """;
        var references = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.Location.Length > 0)
            .Select(a => MetadataReference.CreateFromFile(a.Location));
        var compilation = CSharpCompilation.Create(
            "Broken",
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id + " " + d.GetMessage()).ToList();

        errors.Should().Contain(e => e.StartsWith("CS0738") && e.Contains("ITestService.Count(CountRequest, CallContext?)") && e.Contains("IAsyncEnumerable<CountResponse>"));
        errors.Should().Contain(e => e.StartsWith("CS0535") && e.Contains("ITestService.Sum(IAsyncEnumerable<Number>, CallContext?)"));
        errors.Should().Contain(e => e.StartsWith("CS0535") && e.Contains("ITestService.Chat(IAsyncEnumerable<EchoRequest>, CallContext?)"));
    }

    [Fact]
    public void StartupCheckListsEveryProblemOfAHandWrittenBinding()
    {
        var builder = new RpcServiceBuilder<ITestService>();
        builder.AddUnary(TestServiceRpc.EchoMethod, (s, r, c) => s.Echo(r, c));
        var wrongTypes = new RpcMethod<Number, SumResponse>(MethodType.Unary, TestServiceRpc.ServiceName, "Ping", Number.Parser, SumResponse.Parser);
        builder.AddUnary(wrongTypes, (_, _, _) => Task.FromResult(new SumResponse()));

        var act = () => RpcContractValidator.Validate(TestServiceRpc.Descriptor, builder.Methods);

        var message = act.Should().Throw<InvalidOperationException>().Which.Message;
        message.Should().Contain("rpc Count is not bound").And.Contain("rpc Ping is bound with (Number) → SumResponse").And.Contain("google.protobuf.Empty");
    }
}
