namespace MdoBot.Manifest.Tests;

public sealed class IconTests
{
    [Fact]
    public void ColorIcon_Header_Is192By192()
    {
        var png = PngImage.Read(ManifestPaths.Icon("color.png"));

        Assert.Equal((192, 192), (png.Width, png.Height));
    }

    [Fact]
    public void OutlineIcon_Header_Is32By32Rgba()
    {
        var png = PngImage.Read(ManifestPaths.Icon("outline.png"));

        Assert.Equal((32, 32), (png.Width, png.Height));
        Assert.Equal(6, png.ColorType);
    }

    [Fact]
    public void OutlineIcon_Pixels_HaveTransparentBackgroundAndWhiteStrokes()
    {
        var rgba = PngImage.Read(ManifestPaths.Icon("outline.png")).DecodeRgba();
        var pixels = rgba.Chunk(4).ToList();

        Assert.Contains(pixels, p => p[3] == 0);
        Assert.Contains(pixels, p => p[3] == 255);
        Assert.All(pixels.Where(p => p[3] > 0), p => Assert.Equal([255, 255, 255], p[..3]));
    }

    [Fact]
    public void ColorIcon_Pixels_AreMostlyOpaqueAndColoured()
    {
        var rgba = PngImage.Read(ManifestPaths.Icon("color.png")).DecodeRgba();
        var pixels = rgba.Chunk(4).ToList();

        Assert.True(pixels.Count(p => p[3] == 255) > pixels.Count * 9 / 10, "The colour icon should be almost fully opaque.");
        Assert.Contains(pixels, p => p[3] == 255 && (p[0] != p[1] || p[1] != p[2]));
    }
}
