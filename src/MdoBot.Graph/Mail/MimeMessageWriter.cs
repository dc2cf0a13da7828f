using System.Text;
using MdoBot.BotFramework.Mail;
using MimeKit;
using MimeKit.Text;

namespace MdoBot.Graph.Mail;

/// <summary>
/// Writes a <see cref="MailMessage"/> as an RFC 5322 / MIME message with MimeKit: <c>multipart/alternative</c>
/// with the text/plain part first and the text/html part last (the richest part last, as RFC 2046 asks), both
/// UTF-8 and base64 (safe for any content and line length), CRLF line ends. No <c>From</c>: Exchange sets the
/// mailbox the call is made for. Graph's <c>sendMail</c> takes this base64-encoded again, as a <c>text/plain</c> body.
/// </summary>
internal static class MimeMessageWriter
{
    private static readonly FormatOptions Wire = CreateWireFormat();

    public static string Write(string to, MailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = new MimeMessage { Subject = message.Subject };
        mime.To.Add(MailboxAddress.Parse(to));
        mime.Body = new MultipartAlternative { Part(TextFormat.Plain, message.TextBody), Part(TextFormat.Html, message.HtmlBody) };

        // Exchange sets From, Date and Message-Id itself; MimeKit's defaults would add an empty From,
        // a Date from the system clock and a Message-Id naming this machine.
        mime.Headers.Remove(HeaderId.From);
        mime.Headers.Remove(HeaderId.Date);
        mime.Headers.Remove(HeaderId.MessageId);
        using var buffer = new MemoryStream();
        mime.WriteTo(Wire, buffer);
        return Encoding.ASCII.GetString(buffer.ToArray());
    }

    /// <summary>The request body Graph expects for MIME: the whole message, base64-encoded.</summary>
    public static string ToGraphPayload(string mime) => Convert.ToBase64String(Encoding.UTF8.GetBytes(mime));

    private static TextPart Part(TextFormat format, string content)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.Base64 };
        part.SetText(Encoding.UTF8, content);
        return part;
    }

    private static FormatOptions CreateWireFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        format.International = false; // 7-bit headers: RFC 2047 encoded-words for anything non-ASCII
        return format;
    }
}
