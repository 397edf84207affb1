using Microsoft.CodeAnalysis;

namespace Platform.Rpc.Generators
{
    internal static class Diagnostics
    {
        public static readonly DiagnosticDescriptor UnreadableDescriptor = new DiagnosticDescriptor(
            "PRPC001",
            "Embedded proto descriptor could not be read",
            "The descriptor embedded in {0} could not be decoded: {1}",
            "Platform.Rpc",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor UnresolvedType = new DiagnosticDescriptor(
            "PRPC002",
            "Proto message type has no C# type",
            "rpc {0} uses message {1}, which has no generated C# type in this compilation or its references; compile its .proto with Grpc.Tools (GrpcServices=\"None\") in this project or a referenced one",
            "Platform.Rpc",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true);
    }
}
