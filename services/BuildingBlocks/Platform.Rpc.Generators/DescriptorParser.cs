using System;

namespace Platform.Rpc.Generators
{
    /// <summary>Decodes the fields of descriptor.proto that name files, types, services and methods.</summary>
    internal static class DescriptorParser
    {
        public static ProtoFile ParseFile(ReadOnlySpan<byte> bytes)
        {
            var file = new ProtoFile();
            var reader = new ProtoReader(bytes);
            while (reader.TryReadTag(out var field, out var wireType))
            {
                switch (field)
                {
                    case 1 when wireType == 2: file.Name = reader.ReadString(); break;
                    case 2 when wireType == 2: file.Package = reader.ReadString(); break;
                    case 3 when wireType == 2: file.Dependencies.Add(reader.ReadString()); break;
                    case 4 when wireType == 2: ParseMessage(reader.ReadLengthDelimited(), "", file); break;
                    case 5 when wireType == 2: file.TypeNames.Add(ReadName(reader.ReadLengthDelimited())); break;
                    case 6 when wireType == 2: file.Services.Add(ParseService(reader.ReadLengthDelimited())); break;
                    default: reader.Skip(wireType); break;
                }
            }

            return file;
        }

        private static void ParseMessage(ReadOnlySpan<byte> bytes, string prefix, ProtoFile file)
        {
            var name = ReadName(bytes);
            var fullName = prefix + name;
            file.TypeNames.Add(fullName);
            var reader = new ProtoReader(bytes);
            while (reader.TryReadTag(out var field, out var wireType))
            {
                if (field == 3 && wireType == 2)
                {
                    ParseMessage(reader.ReadLengthDelimited(), fullName + ".", file);
                }
                else if (field == 4 && wireType == 2)
                {
                    file.TypeNames.Add(fullName + "." + ReadName(reader.ReadLengthDelimited()));
                }
                else
                {
                    reader.Skip(wireType);
                }
            }
        }

        private static ProtoService ParseService(ReadOnlySpan<byte> bytes)
        {
            var service = new ProtoService();
            var reader = new ProtoReader(bytes);
            while (reader.TryReadTag(out var field, out var wireType))
            {
                if (field == 1 && wireType == 2)
                {
                    service.Name = reader.ReadString();
                }
                else if (field == 2 && wireType == 2)
                {
                    service.Methods.Add(ParseMethod(reader.ReadLengthDelimited()));
                }
                else
                {
                    reader.Skip(wireType);
                }
            }

            return service;
        }

        private static ProtoMethod ParseMethod(ReadOnlySpan<byte> bytes)
        {
            var method = new ProtoMethod();
            var reader = new ProtoReader(bytes);
            while (reader.TryReadTag(out var field, out var wireType))
            {
                switch (field)
                {
                    case 1 when wireType == 2: method.Name = reader.ReadString(); break;
                    case 2 when wireType == 2: method.InputType = reader.ReadString(); break;
                    case 3 when wireType == 2: method.OutputType = reader.ReadString(); break;
                    case 5 when wireType == 0: method.ClientStreaming = reader.ReadVarint() != 0; break;
                    case 6 when wireType == 0: method.ServerStreaming = reader.ReadVarint() != 0; break;
                    default: reader.Skip(wireType); break;
                }
            }

            return method;
        }

        /// <summary>Field 1 ("name") of a DescriptorProto or EnumDescriptorProto.</summary>
        private static string ReadName(ReadOnlySpan<byte> bytes)
        {
            var reader = new ProtoReader(bytes);
            while (reader.TryReadTag(out var field, out var wireType))
            {
                if (field == 1 && wireType == 2)
                {
                    return reader.ReadString();
                }

                reader.Skip(wireType);
            }

            return "";
        }
    }
}
