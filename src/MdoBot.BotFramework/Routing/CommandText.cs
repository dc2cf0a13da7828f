using System.Text.Json;
using System.Text.RegularExpressions;
using MdoBot.BotFramework.Protocol;

namespace MdoBot.BotFramework.Routing;

/// <summary>A user-typed command: the bot's own @mention removed, split into a verb and the rest.</summary>
public sealed partial record CommandText(string Verb, string Arguments, IReadOnlyList<MentionedAccount> Mentions)
{
    /// <summary>Longer messages are no command (the typed commands are short).</summary>
    public const int MaxCommandLength = 4096;

    public static CommandText Parse(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var botId = activity.Recipient?.Id;
        var mentions = new List<MentionedAccount>();
        var text = activity.Text ?? string.Empty;
        if (text.Length > MaxCommandLength)
        {
            return new CommandText(string.Empty, string.Empty, []); // far longer than any command: not one
        }

        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind != JsonValueKind.Object || !entity.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || !type.ValueEquals("mention")
                || !entity.TryGetProperty("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var id = mentioned.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            var name = mentioned.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            var mentionText = entity.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (id is null)
            {
                continue;
            }

            if (id == botId)
            {
                text = mentionText is null ? text : text.Replace(mentionText, " ", StringComparison.Ordinal);
            }
            else
            {
                mentions.Add(new MentionedAccount(id, name ?? string.Empty, mentionText));
            }
        }

        try
        {
            text = AtTag().Replace(text, m => "@" + m.Groups[1].Value);
        }
        catch (RegexMatchTimeoutException)
        {
            return new CommandText(string.Empty, string.Empty, []);
        }

        text = Whitespace().Replace(System.Net.WebUtility.HtmlDecode(text), " ").Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var verb = (space < 0 ? text : text[..space]).ToLowerInvariant();
        var rest = space < 0 ? string.Empty : text[(space + 1)..].Trim();
        return new CommandText(verb, rest, mentions);
    }

    [GeneratedRegex("<at>(.*?)</at>", RegexOptions.IgnoreCase, 100)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+", RegexOptions.None, 100)]
    private static partial Regex Whitespace();
}

/// <summary>A user @mentioned in a command (not the bot).</summary>
public sealed record MentionedAccount(string Id, string Name, string? Text);
