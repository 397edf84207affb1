namespace Platform.Rpc.Generators
{
    /// <summary>
    /// What one protoc-generated <c>XxxReflection</c> class holds: its namespace, its name, the base64
    /// FileDescriptorProto, and the namespaces of its dependencies' reflection classes in import order
    /// ('|'-separated, so that the record stays equatable for incremental caching).
    /// </summary>
    internal sealed record EmbeddedDescriptor(
        string Namespace,
        string ReflectionClass,
        string Base64,
        string DependencyNamespaces,
        string FilePath);
}
