using System;
using System.Text;

namespace Platform.Rpc.Generators
{
    /// <summary>A minimal protobuf wire-format reader: enough to walk a FileDescriptorProto.</summary>
    internal ref struct ProtoReader
    {
        private readonly ReadOnlySpan<byte> _data;
        private int _position;

        public ProtoReader(ReadOnlySpan<byte> data)
        {
            _data = data;
            _position = 0;
        }

        public bool TryReadTag(out int fieldNumber, out int wireType)
        {
            if (_position >= _data.Length)
            {
                fieldNumber = 0;
                wireType = 0;
                return false;
            }

            var tag = ReadVarint();
            fieldNumber = (int)(tag >> 3);
            wireType = (int)(tag & 7);
            return true;
        }

        public ulong ReadVarint()
        {
            ulong result = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                if (_position >= _data.Length)
                {
                    throw new FormatException("Truncated varint in descriptor.");
                }

                var b = _data[_position++];
                result |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return result;
                }
            }

            throw new FormatException("Malformed varint in descriptor.");
        }

        public ReadOnlySpan<byte> ReadLengthDelimited()
        {
            var length = (int)ReadVarint();
            if (length < 0 || _position + length > _data.Length)
            {
                throw new FormatException("Truncated field in descriptor.");
            }

            var slice = _data.Slice(_position, length);
            _position += length;
            return slice;
        }

        public string ReadString() => Encoding.UTF8.GetString(ReadLengthDelimited().ToArray());

        public void Skip(int wireType)
        {
            switch (wireType)
            {
                case 0: ReadVarint(); break;
                case 1: _position += 8; break;
                case 2: ReadLengthDelimited(); break;
                case 5: _position += 4; break;
                default: throw new FormatException("Unsupported wire type " + wireType + " in descriptor.");
            }
        }
    }
}
