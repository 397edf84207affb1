namespace Platform.Torch;

/// <summary>Sizes of element types and their mapping to .NET element types.</summary>
public static class ScalarTypeExtensions
{
    /// <summary>Bytes per element.</summary>
    public static int ElementSize(this ScalarType type) => type switch
    {
        ScalarType.UInt8 or ScalarType.Int8 or ScalarType.Bool => 1,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.Int32 or ScalarType.Float32 => 4,
        ScalarType.Int64 or ScalarType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unsupported scalar type"),
    };

    /// <summary>True for float16/bfloat16/float32/float64 (the types module.To(dtype) converts).</summary>
    public static bool IsFloatingPoint(this ScalarType type) =>
        type is ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64;

    /// <summary>The scalar type whose elements a .NET <typeparamref name="T"/> holds.</summary>
    public static ScalarType Of<T>() where T : unmanaged => default(T) switch
    {
        float => ScalarType.Float32,
        double => ScalarType.Float64,
        long => ScalarType.Int64,
        int => ScalarType.Int32,
        short => ScalarType.Int16,
        byte => ScalarType.UInt8,
        sbyte => ScalarType.Int8,
        bool => ScalarType.Bool,
        Half => ScalarType.Float16,
        _ => throw new NotSupportedException($"{typeof(T).Name} has no tensor element type; use float, double, long, int, short, byte, sbyte, bool or Half"),
    };
}
