using System.Text;

namespace Platform.Rpc.Protocol;

/// <summary>The percent-encoding of <c>grpc-message</c>: UTF-8 bytes outside 0x20–0x7E, and '%', become %XX.</summary>
public static class PercentEncoding
{
    /// <summary>Encodes a status message for the <c>grpc-message</c> header.</summary>
    public static string Encode(string value)
    {
        var needsEncoding = false;
        foreach (var c in value)
        {
            if (c is < ' ' or > '~' or '%')
            {
                needsEncoding = true;
                break;
            }
        }

        if (!needsEncoding)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is < (byte)' ' or > (byte)'~' or (byte)'%')
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append((char)b);
            }
        }

        return builder.ToString();
    }

    /// <summary>Decodes a <c>grpc-message</c> value; malformed escapes are kept as they are.</summary>
    public static string Decode(string value)
    {
        if (!value.Contains('%'))
        {
            return value;
        }

        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                foreach (var b in Encoding.UTF8.GetBytes(value[i].ToString()))
                {
                    bytes.Add(b);
                }
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';
}
