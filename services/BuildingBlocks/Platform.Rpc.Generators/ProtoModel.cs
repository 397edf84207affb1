using System.Collections.Generic;

namespace Platform.Rpc.Generators
{
    /// <summary>The parts of a FileDescriptorProto the generator needs.</summary>
    internal sealed class ProtoFile
    {
        public string Name { get; set; } = "";

        public string Package { get; set; } = "";

        public List<string> Dependencies { get; } = new List<string>();

        /// <summary>Message and enum names relative to the package, nested ones dotted ("Outer.Inner").</summary>
        public List<string> TypeNames { get; } = new List<string>();

        public List<ProtoService> Services { get; } = new List<ProtoService>();
    }

    internal sealed class ProtoService
    {
        public string Name { get; set; } = "";

        public List<ProtoMethod> Methods { get; } = new List<ProtoMethod>();
    }

    internal sealed class ProtoMethod
    {
        public string Name { get; set; } = "";

        public string InputType { get; set; } = "";

        public string OutputType { get; set; } = "";

        public bool ClientStreaming { get; set; }

        public bool ServerStreaming { get; set; }
    }
}
