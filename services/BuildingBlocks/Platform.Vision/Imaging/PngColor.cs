namespace Platform.Vision.Imaging;

/// <summary>Pixel layout of an 8-bit PNG.</summary>
public enum PngColor
{
    /// <summary>One byte per pixel (PNG colour type 0).</summary>
    Gray = 0,

    /// <summary>Three bytes per pixel, R G B (PNG colour type 2).</summary>
    Rgb = 2,
}
