namespace Platform.Torch;

/// <summary>Device kinds; values are libtorch's <c>c10::DeviceType</c> codes.</summary>
public enum DeviceType
{
    /// <summary>Host memory.</summary>
    Cpu = 0,
    /// <summary>An NVIDIA GPU.</summary>
    Cuda = 1,
}
