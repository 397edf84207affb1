using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Platform.Lab.Api;

/// <summary>An opaque <c>page_token</c>: the offset of the next page, base64url so clients do not build their own.</summary>
internal static class PageToken
{
    private const string Prefix = "o:";

    public static string Encode(long offset) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    public static int Decode(string token)
    {
        if (string.IsNullOrEmpty(token))
            return 0;
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(token));
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                return offset;
        }
        catch (FormatException)
        {
        }
        throw RpcErrors.InvalidArgument($"page_token '{token}' is not valid; pass the next_page_token of the previous response, or empty for the first page",
            ("page_token", "not a token this server issued"));
    }
}
