using System.Globalization;
using System.Text.Json;
using MdoBot.BotFramework.Hosting;
using MdoBot.BotFramework.Protocol;
using MdoBot.BotFramework.Routing;
using MdoBot.BotFramework.Storage;
using MdoBot.Teams.Cards;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Repositories;

namespace MdoBot.Teams.MdoFlow.Lifecycle;

/// <summary>
/// Tells the chairs of a conversation's MDO, in their 1:1 chat with MdoBot, that messages could not be delivered
/// there and why (a fixed reason; never what the messages said). Nobody is told when the conversation has no MDO,
/// and a chair whose own 1:1 chat is what failed is not told there. A notice that fails itself is never reported
/// again (no loop). One notice per chair for all letters handed over at once.
/// </summary>
public sealed class UndeliveredNotices(IStore store, MdoRepository mdos) : IDeadLetterReporter
{
    public async Task<IReadOnlyList<OutboxItem>> NoticesAsync(string conversationId, IReadOnlyList<DeadLetter> letters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(letters);
        var reportable = letters.Where(l => l.CardKey != CardKeys.DeliveryNotice).ToList();
        if (reportable.Count == 0
            || await store.GetConversationAsync(conversationId, ct) is not { } conversation
            || await mdos.GetLatestAsync(conversationId, ct) is not { } loaded)
        {
            return [];
        }

        var lang = MdoLanguage.Of(loaded.Mdo);
        var text = Text(lang, reportable);
        var unreachable = reportable.Where(l => l.Operation == OutboxOperation.SendPersonal).Select(l => l.TargetUserId).ToHashSet(StringComparer.Ordinal);
        return loaded.Mdo.Chairs.Where(c => !unreachable.Contains(c.Id)).Select(chair => new OutboxItem(
            conversationId, conversation.ServiceUrl, OutboxOperation.SendPersonal,
            JsonSerializer.Serialize(Activity.CreateMessage(text), ProtocolJson.Options), CardKeys.DeliveryNotice, chair.Id, conversation.TenantId)).ToList();
    }

    /// <summary>"3 berichten van MdoBot konden niet worden bezorgd in de chat van het MDO: …"; the reasons in a fixed order.</summary>
    public static string Text(Language lang, IReadOnlyCollection<DeadLetter> letters)
    {
        ArgumentNullException.ThrowIfNull(letters);
        var count = letters.Count.ToString(CultureInfo.InvariantCulture);
        var reasons = string.Join("; ", letters.Select(l => l.Reason).Distinct().Order(StringComparer.Ordinal).Select(r => Reason(lang, r)));
        return letters.Count == 1
            ? lang.Text("Flow.oneMessageCouldNotBeDelivered", ("reasons", reasons))
            : lang.Text("Flow.messagesCouldNotBeDelivered", ("count", count), ("reasons", reasons));
    }

    private static string Reason(Language lang, string reason) => reason switch
    {
        DeadLetterReasons.NotFound => lang.Text("Flow.undeliveredChatGone"),
        DeadLetterReasons.Forbidden => lang.Text("Flow.undeliveredBotRemoved"),
        DeadLetterReasons.Expired => lang.Text("Flow.undeliveredUnreachable"),
        _ => lang.Text("Flow.undeliveredRefused"),
    };
}
