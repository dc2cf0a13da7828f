using MdoBot.Domain.Mdo;
using MdoBot.Teams.MdoFlow.Lookups;

namespace MdoBot.Teams.MdoFlow.Pipeline;

/// <summary>
/// Runs an MDO operation; a refused operation (MdoRuleException) changes nothing and gets a friendly
/// answer. A meeting organizer refused as "not chair" is recognised as chair and the operation retried once.
/// </summary>
public static class MdoGuard
{
    public static async Task RunAsync(
        MdoContext ctx, OrganizerCheck organizers, Func<Task> operation, Action<MdoRuleException>? onStale = null, string? ownerName = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(organizers);
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            MdoRuleException? notChair = null;
            try
            {
                await operation();
            }
            catch (MdoRuleException ex) when (ex.Code == MdoError.NotChair)
            {
                notChair = ex;
            }

            if (notChair is not null)
            {
                if (!await organizers.TryPromoteAsync(ctx, ct))
                {
                    throw notChair;
                }

                await operation();
            }
        }
        catch (MdoRuleException ex)
        {
            ctx.Turn.Changes.Discard();
            ctx.Turn.Reply(RuleMessages.For(ex, ctx.PersonalLanguage, ownerName));
            if (ex.Code is MdoError.StaleAgenda or MdoError.Closed)
            {
                onStale?.Invoke(ex);
            }
        }
    }
}
