using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Platform.Rpc.Generators
{
    /// <summary>
    /// Maps fully-qualified proto type names (".pkg.Outer.Inner") to the C# types protoc generated for them:
    /// files compiled into this project, the well-known types, and files of referenced assemblies (found
    /// through the namespaces of the dependency reflection classes and confirmed against the compilation).
    /// </summary>
    internal sealed class ProtoTypeResolver
    {
        private readonly Dictionary<string, string> _known = new Dictionary<string, string>();
        private readonly Compilation _compilation;

        public ProtoTypeResolver(Compilation compilation)
        {
            _compilation = compilation;
        }

        public void AddFile(ProtoFile file, string csharpNamespace)
        {
            foreach (var typeName in file.TypeNames)
            {
                var protoName = "." + (file.Package.Length == 0 ? "" : file.Package + ".") + typeName;
                _known[protoName] = Qualify(csharpNamespace, typeName.Replace(".", ".Types."));
            }
        }

        public string? Resolve(string protoName, IReadOnlyList<string> dependencyNamespaces)
        {
            if (_known.TryGetValue(protoName, out var known))
            {
                return known;
            }

            const string wellKnownPrefix = ".google.protobuf.";
            if (protoName.StartsWith(wellKnownPrefix, System.StringComparison.Ordinal)
                && protoName.IndexOf('.', wellKnownPrefix.Length) < 0)
            {
                return "global::Google.Protobuf.WellKnownTypes." + protoName.Substring(wellKnownPrefix.Length);
            }

            var parts = protoName.TrimStart('.').Split('.');
            foreach (var ns in dependencyNamespaces)
            {
                // The package is some prefix of the name; the rest is the (possibly nested) type.
                for (var start = 0; start < parts.Length; start++)
                {
                    var rest = new string[parts.Length - start];
                    System.Array.Copy(parts, start, rest, 0, rest.Length);
                    var metadataName = (ns.Length == 0 ? "" : ns + ".") + string.Join("+Types+", rest);
                    if (_compilation.GetTypeByMetadataName(metadataName) != null)
                    {
                        return Qualify(ns, string.Join(".Types.", rest));
                    }
                }
            }

            return null;
        }

        private static string Qualify(string ns, string typeName) =>
            "global::" + (ns.Length == 0 ? "" : ns + ".") + typeName;
    }
}
