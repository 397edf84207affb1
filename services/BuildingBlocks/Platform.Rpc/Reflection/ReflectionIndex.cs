using Google.Protobuf;
using Google.Protobuf.Reflection;
using Platform.Rpc.Server;

namespace Platform.Rpc.Reflection;

/// <summary>
/// What server reflection answers from: the mapped services, their .proto files with all dependencies,
/// and every symbol (service, method, message, nested message, enum) declared in those files.
/// </summary>
public sealed class ReflectionIndex(RpcServiceRegistry registry)
{
    private readonly Lock _lock = new();
    private int _indexedServices = -1;
    private Dictionary<string, FileDescriptor> _files = [];
    private Dictionary<string, FileDescriptor> _symbols = [];
    private Dictionary<string, MessageDescriptor> _messages = [];

    /// <summary>Full names of the mapped services.</summary>
    public IReadOnlyList<string> ServiceNames => registry.Services.Select(s => s.FullName).ToList();

    /// <summary>The named file and its transitive dependencies, serialized; null when not known.</summary>
    public IReadOnlyList<ByteString>? FileByName(string fileName)
    {
        Refresh();
        return _files.TryGetValue(fileName, out var file) ? WithDependencies(file) : null;
    }

    /// <summary>The file declaring <paramref name="symbol"/> and its transitive dependencies; null when not known.</summary>
    public IReadOnlyList<ByteString>? FileContainingSymbol(string symbol)
    {
        Refresh();
        return _symbols.TryGetValue(symbol, out var file) ? WithDependencies(file) : null;
    }

    /// <summary>True when <paramref name="typeName"/> is a known message type (for extension-number queries).</summary>
    public bool IsKnownMessage(string typeName)
    {
        Refresh();
        return _messages.ContainsKey(typeName);
    }

    private static List<ByteString> WithDependencies(FileDescriptor file)
    {
        var ordered = new List<FileDescriptor>();
        var seen = new HashSet<string>();
        Visit(file);
        return ordered.Select(f => f.SerializedData).ToList();

        void Visit(FileDescriptor f)
        {
            if (!seen.Add(f.Name))
            {
                return;
            }

            ordered.Add(f);
            foreach (var dependency in f.Dependencies)
            {
                Visit(dependency);
            }
        }
    }

    private void Refresh()
    {
        var services = registry.Services;
        lock (_lock)
        {
            if (services.Count == _indexedServices)
            {
                return;
            }

            var files = new Dictionary<string, FileDescriptor>(StringComparer.Ordinal);
            var symbols = new Dictionary<string, FileDescriptor>(StringComparer.Ordinal);
            var messages = new Dictionary<string, MessageDescriptor>(StringComparer.Ordinal);
            foreach (var service in services)
            {
                AddFile(service.File, files, symbols, messages);
            }

            (_files, _symbols, _messages, _indexedServices) = (files, symbols, messages, services.Count);
        }
    }

    private static void AddFile(FileDescriptor file, Dictionary<string, FileDescriptor> files, Dictionary<string, FileDescriptor> symbols, Dictionary<string, MessageDescriptor> messages)
    {
        if (!files.TryAdd(file.Name, file))
        {
            return;
        }

        foreach (var service in file.Services)
        {
            symbols[service.FullName] = file;
            foreach (var method in service.Methods)
            {
                symbols[method.FullName] = file;
            }
        }

        foreach (var message in file.MessageTypes)
        {
            AddMessage(message, file, symbols, messages);
        }

        foreach (var enumType in file.EnumTypes)
        {
            symbols[enumType.FullName] = file;
        }

        foreach (var dependency in file.Dependencies)
        {
            AddFile(dependency, files, symbols, messages);
        }
    }

    private static void AddMessage(MessageDescriptor message, FileDescriptor file, Dictionary<string, FileDescriptor> symbols, Dictionary<string, MessageDescriptor> messages)
    {
        symbols[message.FullName] = file;
        messages[message.FullName] = message;
        foreach (var nested in message.NestedTypes)
        {
            AddMessage(nested, file, symbols, messages);
        }

        foreach (var enumType in message.EnumTypes)
        {
            symbols[enumType.FullName] = file;
        }
    }
}
