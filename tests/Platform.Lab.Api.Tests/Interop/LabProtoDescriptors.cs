using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Platform.Lab.Api.Tests.Interop;

/// <summary>
/// The Lab protos as a FileDescriptorSet (dependencies first), taken from the descriptors protoc embedded in
/// the C# code: what a client in another language loads instead of running protoc.
/// </summary>
public static class LabProtoDescriptors
{
    public static byte[] FileDescriptorSet()
    {
        var ordered = new List<FileDescriptor>();
        var roots = new[]
        {
            JobServiceReflection.Descriptor, ArtifactServiceReflection.Descriptor, MetricServiceReflection.Descriptor,
            ProjectServiceReflection.Descriptor, Google.Rpc.StatusReflection.Descriptor, Google.Rpc.ErrorDetailsReflection.Descriptor,
        };
        foreach (var root in roots)
            Add(root, ordered);
        var set = new FileDescriptorSet();
        set.File.AddRange(ordered.Select(f => FileDescriptorProto.Parser.ParseFrom(f.SerializedData)));
        return set.ToByteArray();
    }

    private static void Add(FileDescriptor file, List<FileDescriptor> ordered)
    {
        if (ordered.Contains(file))
            return;
        foreach (var dependency in file.Dependencies)
            Add(dependency, ordered);
        ordered.Add(file);
    }
}
