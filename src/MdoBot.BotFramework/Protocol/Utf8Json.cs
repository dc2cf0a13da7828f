using System.Text;

namespace MdoBot.BotFramework.Protocol;

/// <summary>
/// JSON text kept as the UTF-8 bytes it was serialized to: an invoke answer goes from the serializer to the inbox
/// (compressed and sealed) and to the HTTP response without being turned into a UTF-16 string and back.
/// Equal when the bytes are; a string converts to it implicitly (UTF-8).
/// </summary>
public sealed class Utf8Json : IEquatable<Utf8Json>
{
    private readonly byte[] _bytes;

    /// <summary>Takes <paramref name="bytes"/> as they are (not copied): they must not change afterwards.</summary>
    public Utf8Json(byte[] bytes) => _bytes = bytes ?? throw new ArgumentNullException(nameof(bytes));

    public ReadOnlyMemory<byte> Bytes => _bytes;

    public int Length => _bytes.Length;

    public static Utf8Json FromString(string text) => new(Encoding.UTF8.GetBytes(text ?? throw new ArgumentNullException(nameof(text))));

    public static implicit operator Utf8Json?(string? text) => text is null ? null : FromString(text);

    public override string ToString() => Encoding.UTF8.GetString(_bytes);

    public bool Equals(Utf8Json? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => obj is Utf8Json other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }
}
