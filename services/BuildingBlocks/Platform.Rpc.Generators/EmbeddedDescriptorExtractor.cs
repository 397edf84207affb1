using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Platform.Rpc.Generators
{
    /// <summary>
    /// Reads the FileDescriptorProto that protoc's C# generator embeds in the static constructor of each
    /// <c>XxxReflection</c> class (<c>Convert.FromBase64String(string.Concat("...", ...))</c>).
    /// </summary>
    internal static class EmbeddedDescriptorExtractor
    {
        public static bool IsCandidate(SyntaxNode node) =>
            node is ClassDeclarationSyntax c
            && c.Identifier.ValueText.EndsWith("Reflection", System.StringComparison.Ordinal)
            && c.Modifiers.Any(SyntaxKind.StaticKeyword);

        public static EmbeddedDescriptor? Extract(ClassDeclarationSyntax declaration)
        {
            var fromBase64 = declaration.DescendantNodes()
                .OfType<InvocationExpressionSyntax>()
                .FirstOrDefault(i => i.Expression.ToString().EndsWith("FromBase64String", System.StringComparison.Ordinal));
            if (fromBase64 == null || fromBase64.ArgumentList.Arguments.Count != 1)
            {
                return null;
            }

            var base64 = new StringBuilder();
            foreach (var literal in fromBase64.ArgumentList.Arguments[0].DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>())
            {
                if (literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    base64.Append(literal.Token.ValueText);
                }
            }

            var dependencies = declaration.DescendantNodes()
                .OfType<ArrayCreationExpressionSyntax>()
                .FirstOrDefault(a => a.Type.ElementType.ToString().EndsWith("FileDescriptor", System.StringComparison.Ordinal));
            var dependencyNamespaces = dependencies?.Initializer == null
                ? ""
                : string.Join("|", dependencies.Initializer.Expressions.Select(ReflectionNamespaceOf));

            return new EmbeddedDescriptor(
                NamespaceOf(declaration),
                declaration.Identifier.ValueText,
                base64.ToString(),
                dependencyNamespaces,
                declaration.SyntaxTree.FilePath);
        }

        /// <summary><c>global::Ns.XxxReflection.Descriptor</c> → <c>Ns</c>.</summary>
        private static string ReflectionNamespaceOf(ExpressionSyntax expression)
        {
            var text = expression.ToString().Replace("global::", "");
            if (text.EndsWith(".Descriptor", System.StringComparison.Ordinal))
            {
                text = text.Substring(0, text.Length - ".Descriptor".Length);
            }

            var lastDot = text.LastIndexOf('.');
            return lastDot < 0 ? "" : text.Substring(0, lastDot);
        }

        private static string NamespaceOf(SyntaxNode node)
        {
            var parts = node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Select(n => n.Name.ToString()).Reverse();
            return string.Join(".", parts);
        }
    }
}
