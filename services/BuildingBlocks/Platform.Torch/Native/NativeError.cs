using System.Runtime.InteropServices;

namespace Platform.Torch.Native;

/// <summary>Turns the shim's sentinels (null handle, -1 status) into <see cref="TorchException"/>s.</summary>
internal static class NativeError
{
    /// <summary>Throws with libtorch's message when <paramref name="status"/> is the failure sentinel.</summary>
    public static void Check(int status)
    {
        if (status < 0)
        {
            throw Last();
        }
    }

    /// <summary>Returns <paramref name="handle"/> or throws when the call that produced it failed.</summary>
    public static T Check<T>(T handle) where T : SafeHandle
    {
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw Last();
        }
        return handle;
    }

    public static TorchException Last()
    {
        var message = Marshal.PtrToStringUTF8(LibTorch.pt_last_error());
        return new TorchException(string.IsNullOrEmpty(message) ? "libtorch call failed without a message" : message);
    }

    /// <summary>Copies and frees a malloc'ed string returned by the shim.</summary>
    public static string TakeString(IntPtr native)
    {
        if (native == IntPtr.Zero)
        {
            throw Last();
        }
        try
        {
            return Marshal.PtrToStringUTF8(native) ?? string.Empty;
        }
        finally
        {
            LibTorch.pt_free_string(native);
        }
    }
}
