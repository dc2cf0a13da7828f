namespace MdoBot.BotFramework.Mail;

/// <summary>The subject and bodies of a queued e-mail (the address is looked up when it is sent).</summary>
public sealed record MailContent(string Subject, string HtmlBody, string TextBody);
