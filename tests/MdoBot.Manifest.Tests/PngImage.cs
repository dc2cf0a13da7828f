using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MdoBot.Manifest.Tests;

/// <summary>
/// A minimal PNG reader: the IHDR fields, and for 8-bit non-interlaced images the unfiltered pixels.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] _compressed;

    private PngImage(int width, int height, byte bitDepth, byte colorType, byte interlace, byte[] compressed)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColorType = colorType;
        Interlace = interlace;
        _compressed = compressed;
    }

    public int Width { get; }

    public int Height { get; }

    public byte BitDepth { get; }

    /// <summary>6 = truecolour with alpha (RGBA).</summary>
    public byte ColorType { get; }

    public byte Interlace { get; }

    public static PngImage Read(string path)
    {
        var data = File.ReadAllBytes(path);
        if (data.Length < Signature.Length || !data.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException($"{path} is not a PNG file.");
        }

        var idat = new MemoryStream();
        (int Width, int Height, byte Depth, byte Type, byte Interlace)? header = null;
        for (var pos = Signature.Length; pos + 12 <= data.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(pos));
            var type = Encoding.ASCII.GetString(data, pos + 4, 4);
            var body = data.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                header = (BinaryPrimitives.ReadInt32BigEndian(body), BinaryPrimitives.ReadInt32BigEndian(body[4..]), body[8], body[9], body[12]);
            }
            else if (type == "IDAT")
            {
                idat.Write(body);
            }
            else if (type == "IEND")
            {
                break;
            }

            pos += 12 + length;
        }

        var h = header ?? throw new InvalidDataException($"{path} has no IHDR chunk.");
        return new PngImage(h.Width, h.Height, h.Depth, h.Type, h.Interlace, idat.ToArray());
    }

    /// <summary>Decompresses and unfilters the image data into RGBA bytes (8-bit RGBA, non-interlaced only).</summary>
    public byte[] DecodeRgba()
    {
        if (ColorType != 6 || BitDepth != 8 || Interlace != 0)
        {
            throw new NotSupportedException($"Only 8-bit non-interlaced RGBA is decoded (type {ColorType}, depth {BitDepth}).");
        }

        const int Bpp = 4;
        var stride = Width * Bpp;
        using var zlib = new ZLibStream(new MemoryStream(_compressed), CompressionMode.Decompress);
        var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var input = raw.ToArray();
        if (input.Length != Height * (stride + 1))
        {
            throw new InvalidDataException($"Expected {Height * (stride + 1)} bytes of image data, got {input.Length}.");
        }

        var pixels = new byte[Height * stride];
        for (var y = 0; y < Height; y++)
        {
            var filter = input[y * (stride + 1)];
            var line = input.AsSpan(y * (stride + 1) + 1, stride);
            var current = pixels.AsSpan(y * stride, stride);
            var previous = y > 0 ? pixels.AsSpan((y - 1) * stride, stride) : new byte[stride];
            for (var i = 0; i < stride; i++)
            {
                int left = i >= Bpp ? current[i - Bpp] : 0;
                int up = previous[i];
                int upLeft = i >= Bpp ? previous[i - Bpp] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown PNG filter {filter} on row {y}."),
                };
                current[i] = (byte)(line[i] + predictor);
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
