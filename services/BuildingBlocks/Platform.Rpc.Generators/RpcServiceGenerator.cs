using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Platform.Rpc.Generators
{
    /// <summary>
    /// For every service of every .proto compiled into the project by Grpc.Tools (GrpcServices="None"),
    /// emits the contract interface, its method descriptors and server binding, and a typed client.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class RpcServiceGenerator : IIncrementalGenerator
    {
        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var descriptors = context.SyntaxProvider
                .CreateSyntaxProvider(
                    static (node, _) => EmbeddedDescriptorExtractor.IsCandidate(node),
                    static (ctx, _) => EmbeddedDescriptorExtractor.Extract((ClassDeclarationSyntax)ctx.Node))
                .Where(static d => d != null)
                .Select(static (d, _) => d!)
                .Collect();

            context.RegisterSourceOutput(descriptors.Combine(context.CompilationProvider), static (spc, input) => Emit(spc, input.Left, input.Right));
        }

        private static void Emit(SourceProductionContext context, ImmutableArray<EmbeddedDescriptor> embedded, Compilation compilation)
        {
            if (embedded.IsDefaultOrEmpty || compilation.GetTypeByMetadataName("Platform.Rpc.RpcMethod`2") == null)
            {
                return;
            }

            var resolver = new ProtoTypeResolver(compilation);
            var files = new List<(EmbeddedDescriptor Source, ProtoFile File)>();
            foreach (var item in embedded.OrderBy(e => e.Namespace + "." + e.ReflectionClass, StringComparer.Ordinal))
            {
                try
                {
                    var file = DescriptorParser.ParseFile(Convert.FromBase64String(item.Base64));
                    resolver.AddFile(file, item.Namespace);
                    files.Add((item, file));
                }
                catch (FormatException e)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Diagnostics.UnreadableDescriptor, Location.None, item.ReflectionClass, e.Message));
                }
            }

            foreach (var (source, file) in files)
            {
                var dependencies = source.DependencyNamespaces.Length == 0 ? Array.Empty<string>() : source.DependencyNamespaces.Split('|');
                for (var i = 0; i < file.Services.Count; i++)
                {
                    var service = file.Services[i];
                    var methods = new List<ResolvedMethod>();
                    var complete = true;
                    foreach (var method in service.Methods)
                    {
                        var request = Resolve(context, resolver, method, method.InputType, dependencies, ref complete);
                        var response = Resolve(context, resolver, method, method.OutputType, dependencies, ref complete);
                        if (request != null && response != null)
                        {
                            methods.Add(new ResolvedMethod(method, request, response));
                        }
                    }

                    if (!complete)
                    {
                        continue;
                    }

                    var reflection = "global::" + (source.Namespace.Length == 0 ? "" : source.Namespace + ".") + source.ReflectionClass;
                    var code = ServiceSourceWriter.Write(source.Namespace, reflection, file.Package, i, service, methods);
                    var hintName = (file.Package.Length == 0 ? "" : file.Package + ".") + service.Name + ".Rpc.g.cs";
                    context.AddSource(hintName, code);
                }
            }
        }

        private static string? Resolve(SourceProductionContext context, ProtoTypeResolver resolver, ProtoMethod method, string protoType, IReadOnlyList<string> dependencies, ref bool complete)
        {
            var resolved = resolver.Resolve(protoType, dependencies);
            if (resolved == null)
            {
                complete = false;
                context.ReportDiagnostic(Diagnostic.Create(Diagnostics.UnresolvedType, Location.None, method.Name, protoType.TrimStart('.')));
            }

            return resolved;
        }
    }
}
