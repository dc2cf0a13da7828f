using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using MdoBot.BotFramework.Protocol;

namespace MdoBot.Storage;

/// <summary>
/// Seals a stored answer (compressed, then AES-256-GCM under its scope's key, bound to the inbox row): the
/// inbox can repeat an answer to a redelivery, yet holds no readable text, and destroying the scope's key on
/// erasure makes every copy unreadable — also one left in free pages, the WAL or a backup.
/// Layout: nonce (12) | tag (16) | ciphertext.
/// </summary>
internal static class AnswerSeal
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    public static byte[] Seal(byte[] key, string conversationId, string activityId, Utf8Json answer) =>
        SealPacked(key, conversationId, activityId, Pack(answer));

    /// <summary>The answer compressed, ready for <see cref="SealPacked"/>: done before the write transaction, which then only encrypts.</summary>
    public static byte[] Pack(Utf8Json answer) => Compress(answer.Bytes.Span);

    public static byte[] SealPacked(byte[] key, string conversationId, string activityId, byte[] plain)
    {
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Bind(conversationId, activityId));
        return sealedBytes;
    }

    /// <summary>The answer, or null when it cannot be opened (wrong key or row): treated as erased.</summary>
    public static Utf8Json? Open(byte[] key, string conversationId, string activityId, byte[] sealedBytes)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            return null;
        }

        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain,
                Bind(conversationId, activityId));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return new Utf8Json(Decompress(plain));
    }

    private static byte[] Bind(string conversationId, string activityId) => Encoding.UTF8.GetBytes(conversationId + "\n" + activityId);

    private static byte[] Compress(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length / 2 + 64); // card JSON compresses to well under half
        using (var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Decompress(byte[] data)
    {
        using var input = new MemoryStream(data);
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        deflate.CopyTo(output);
        return output.ToArray();
    }
}
