using System.Globalization;

namespace Platform.Rpc.Protocol;

/// <summary>Parses and formats <c>grpc-timeout</c>: at most 8 digits and a unit (H, M, S, m, u, n).</summary>
public static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    /// <summary>Parses a header value; false when it is not a valid timeout.</summary>
    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (value is null || value.Length < 2 || value.Length > 9)
        {
            return false;
        }

        var digits = value.AsSpan(0, value.Length - 1);
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        var amount = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        long? ticks = value[^1] switch
        {
            'H' => amount * TimeSpan.TicksPerHour,
            'M' => amount * TimeSpan.TicksPerMinute,
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * 10,
            'n' => amount / 100,
            _ => null,
        };
        if (ticks is null)
        {
            return false;
        }

        timeout = TimeSpan.FromTicks(ticks.Value);
        return true;
    }

    /// <summary>Formats a timeout with the finest unit that fits in 8 digits, never rounding it down to zero.</summary>
    public static string Format(TimeSpan timeout)
    {
        var ticks = Math.Max(0, timeout.Ticks);
        var micros = CeilDiv(ticks, 10);
        if (micros <= MaxValue)
        {
            return micros.ToString(CultureInfo.InvariantCulture) + "u";
        }

        (long Size, char Unit)[] units =
        [
            (TimeSpan.TicksPerMillisecond, 'm'),
            (TimeSpan.TicksPerSecond, 'S'),
            (TimeSpan.TicksPerMinute, 'M'),
            (TimeSpan.TicksPerHour, 'H'),
        ];
        foreach (var (size, unit) in units)
        {
            var amount = CeilDiv(ticks, size);
            if (amount <= MaxValue)
            {
                return amount.ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return MaxValue.ToString(CultureInfo.InvariantCulture) + "H";
    }

    private static long CeilDiv(long value, long divisor) => (value / divisor) + (value % divisor == 0 ? 0 : 1);
}
