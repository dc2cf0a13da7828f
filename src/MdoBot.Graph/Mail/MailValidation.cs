using MdoBot.BotFramework.Mail;
using NetMailAddress = System.Net.Mail.MailAddress;

namespace MdoBot.Graph.Mail;

/// <summary>Checks a message before it leaves; errors never quote the address or the text.</summary>
internal static class MailValidation
{
    /// <summary>Returns the recipient: exactly one bare address (no display name, no list).</summary>
    public static string Validate(MailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message.To) || message.To.Any(char.IsControl)
            || !NetMailAddress.TryCreate(message.To.Trim(), out var address)
            || address.Address != message.To.Trim() || address.Address.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == ','))
        {
            throw new ArgumentException("MailMessage.To is not a single valid e-mail address.", nameof(message));
        }

        if (string.IsNullOrWhiteSpace(message.Subject) || message.Subject.Any(char.IsControl))
        {
            throw new ArgumentException("MailMessage.Subject must be one non-empty line.", nameof(message));
        }

        if (string.IsNullOrWhiteSpace(message.HtmlBody) || string.IsNullOrWhiteSpace(message.TextBody))
        {
            throw new ArgumentException("MailMessage needs both an HTML body and a plain-text body.", nameof(message));
        }

        return address.Address;
    }
}
