namespace MdoBot.Storage;

/// <summary>
/// Migration 6: fewer outbox indexes for every queued and delivered message to keep up to date. Each outbox row
/// was entered in four indexes; two of them cost a write per message without a query needing them:
/// <list type="bullet">
/// <item><c>ix_outbox_card</c> (conversation, card) only served dropping a card's superseded update, which
/// <c>ix_outbox_conversation_pending</c> (conversation, failed, id) serves as well: a conversation has few pending rows.</item>
/// <item><c>ix_outbox_unreported</c> (reported, id) held every row, while only the dead letters nobody has been told
/// about yet are looked up by it; <c>ix_outbox_pending</c> (failed, id) finds those among the dead letters alone.</item>
/// </list>
/// Only indexes change: a database of the previous release upgrades without touching a row.
/// </summary>
internal static class LeanOutboxIndexes
{
    public static Migration Migration { get; } = new(6, """
        DROP INDEX ix_outbox_card;
        DROP INDEX ix_outbox_unreported;
        """);
}
