using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Storage;
using MdoBot.Teams.Cards;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Repositories;
using MdoBot.Teams.MdoFlow.Lookups;
using MdoBot.BotFramework.Protocol;
using MdoBot.BotFramework.Routing;
using Microsoft.Extensions.Logging;

namespace MdoBot.Teams.Handlers.FollowUp;

/// <summary>Done: the earlier action is marked done (an owner who never confirmed it confirms it with this).</summary>
public sealed class FollowUpDoneHandler(
    MdoContextFactory factory, OrganizerCheck organizers, MdoRepository repository, FollowUpLookup lookup, ILogger<FollowUpDoneHandler> logger)
    : FollowUpHandlerBase(factory, organizers, repository, lookup, logger)
{
    public override string Verb => CardVerbs.FollowUpDone;

    protected override bool Apply(MdoContext earlier, MdoAction action)
    {
        if (action.Status == ActionStatus.Proposed)
        {
            earlier.Mdo.ConfirmAction(earlier.Actor, action.Id, earlier.Now); // only the owner may; a chair is told so
        }

        earlier.Mdo.MarkActionDone(earlier.Actor, action.Id, earlier.Now);
        ActionOutcome.Record(earlier, action, "followup.done");
        return true;
    }
}

/// <summary>Still open: the check is noted on the earlier action (the follow-up row then says so), audited and confirmed in the meeting chat.</summary>
public sealed class FollowUpStillOpenHandler(
    MdoContextFactory factory, OrganizerCheck organizers, MdoRepository repository, FollowUpLookup lookup, ILogger<FollowUpStillOpenHandler> logger)
    : FollowUpHandlerBase(factory, organizers, repository, lookup, logger)
{
    public override string Verb => CardVerbs.FollowUpStillOpen;

    protected override bool Apply(MdoContext earlier, MdoAction action)
    {
        var changed = earlier.Mdo.NoteActionStillOpen(earlier.Actor, action.Id, earlier.Now);
        earlier.Save("followup.stillOpen", action.CaseId);
        var text = earlier.Language.Text("FollowUp.notedByIsStillInProgress", ("description", action.Description), ("ownerName", action.Owner.Name));
        earlier.Turn.Changes.Enqueue(Outgoing.To(earlier.MdoConversation, Activity.CreateMessage(text), OutboxOperation.Send));
        return changed;
    }
}

/// <summary>Drop: the earlier action is no longer needed; its reminders stop.</summary>
public sealed class FollowUpDroppedHandler(
    MdoContextFactory factory, OrganizerCheck organizers, MdoRepository repository, FollowUpLookup lookup, ILogger<FollowUpDroppedHandler> logger)
    : FollowUpHandlerBase(factory, organizers, repository, lookup, logger)
{
    public override string Verb => CardVerbs.FollowUpDropped;

    protected override bool Apply(MdoContext earlier, MdoAction action)
    {
        earlier.Mdo.MarkActionDropped(earlier.Actor, action.Id, earlier.Now);
        ActionOutcome.Record(earlier, action, "followup.dropped");
        return true;
    }
}
