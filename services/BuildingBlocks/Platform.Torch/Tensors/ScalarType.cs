namespace Platform.Torch;

/// <summary>Element types; the values are libtorch's <c>c10::ScalarType</c> codes (stable across versions).</summary>
public enum ScalarType
{
    /// <summary>torch.uint8</summary>
    UInt8 = 0,
    /// <summary>torch.int8</summary>
    Int8 = 1,
    /// <summary>torch.int16</summary>
    Int16 = 2,
    /// <summary>torch.int32</summary>
    Int32 = 3,
    /// <summary>torch.int64 (indices, labels)</summary>
    Int64 = 4,
    /// <summary>torch.float16</summary>
    Float16 = 5,
    /// <summary>torch.float32 (the default)</summary>
    Float32 = 6,
    /// <summary>torch.float64</summary>
    Float64 = 7,
    /// <summary>torch.bool</summary>
    Bool = 11,
    /// <summary>torch.bfloat16</summary>
    BFloat16 = 15,
}
