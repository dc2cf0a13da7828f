using MdoBot.BotFramework.Mail;
using System.Text;

namespace MdoBot.Graph.Mail;

/// <summary>
/// Writes a <see cref="MailMessage"/> as an RFC 5322 / MIME message: <c>multipart/alternative</c> with the
/// text/plain part first and the text/html part last (the richest part last, as RFC 2046 asks), both
/// UTF-8 and base64 (safe for any content and line length). No <c>From</c>: Exchange sets the mailbox the
/// call is made for. Graph's <c>sendMail</c> takes this base64-encoded again, as a <c>text/plain</c> body.
/// </summary>
internal static class MimeMessageWriter
{
    private const string CrLf = "\r\n";

    public static string Write(string to, MailMessage message, string? boundary = null)
    {
        boundary ??= "=_mdobot_" + Guid.NewGuid().ToString("N"); // '_' is not in the base64 alphabet: cannot clash with a part
        var mime = new StringBuilder();
        Header(mime, "To", to);
        Header(mime, "Subject", EncodeHeaderText(message.Subject));
        Header(mime, "MIME-Version", "1.0");
        Header(mime, "Content-Type", $"multipart/alternative; boundary=\"{boundary}\"");
        mime.Append(CrLf);
        Part(mime, boundary, "text/plain", message.TextBody);
        Part(mime, boundary, "text/html", message.HtmlBody);
        mime.Append("--").Append(boundary).Append("--").Append(CrLf);
        return mime.ToString();
    }

    /// <summary>The request body Graph expects for MIME: the whole message, base64-encoded.</summary>
    public static string ToGraphPayload(string mime) => Convert.ToBase64String(Encoding.UTF8.GetBytes(mime));

    /// <summary>Printable ASCII stays as is; anything else becomes RFC 2047 UTF-8 encoded-words, folded.</summary>
    internal static string EncodeHeaderText(string text)
    {
        if (text.All(c => c is >= ' ' and <= '~'))
        {
            return text;
        }

        var words = new List<string>();
        var chunk = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Encoding.UTF8.GetByteCount(chunk.ToString() + rune) > 45) // 60 base64 chars + 12 = 72 < 75
            {
                words.Add(EncodedWord(chunk.ToString()));
                chunk.Clear();
            }

            chunk.Append(rune.ToString());
        }

        words.Add(EncodedWord(chunk.ToString()));
        return string.Join(CrLf + " ", words);
    }

    private static string EncodedWord(string text) => "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "?=";

    private static void Header(StringBuilder mime, string name, string value) => mime.Append(name).Append(": ").Append(value).Append(CrLf);

    private static void Part(StringBuilder mime, string boundary, string mediaType, string content)
    {
        mime.Append("--").Append(boundary).Append(CrLf);
        Header(mime, "Content-Type", mediaType + "; charset=utf-8");
        Header(mime, "Content-Transfer-Encoding", "base64");
        mime.Append(CrLf);
        mime.Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(content), Base64FormattingOptions.InsertLineBreaks));
        mime.Append(CrLf);
    }
}
