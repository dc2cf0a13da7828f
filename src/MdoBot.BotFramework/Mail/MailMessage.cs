namespace MdoBot.BotFramework.Mail;

/// <summary>
/// One e-mail to one recipient. <paramref name="Subject"/> must be generic (see <see cref="MailSubjects"/>):
/// subjects travel unencrypted through mail relays and show in notification previews, so they never
/// carry names, case titles or other personal data. The bodies are the readable HTML and its plain-text twin.
/// </summary>
public sealed record MailMessage(string To, string Subject, string HtmlBody, string TextBody)
{
    /// <summary>Keeps addresses and bodies out of logs and exception messages that format the record.</summary>
    public override string ToString() => "MailMessage { (content hidden) }";
}
