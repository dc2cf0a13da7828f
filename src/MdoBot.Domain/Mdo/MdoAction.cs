using System.Text.Json.Serialization;

namespace MdoBot.Domain.Mdo;

/// <summary>
/// "Who does what": an action with one owner, a description and a due date. Read-only from
/// outside: every change goes through <see cref="Mdo"/>.
/// </summary>
public sealed class MdoAction
{
    internal MdoAction(string id, string caseId, Participant owner, string description, DateOnly dueDate, string createdBy, DateTimeOffset createdAt)
    {
        Id = id;
        CaseId = caseId;
        Owner = owner;
        Description = description;
        DueDate = dueDate;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    [JsonConstructor]
    private MdoAction()
    {
    }

    /// <summary>Short id, unique within the MDO ("a1", "a2", …; never reused).</summary>
    [JsonInclude] public string Id { get; private set; } = "";

    [JsonInclude] public string CaseId { get; private set; } = "";

    [JsonInclude] public Participant Owner { get; private set; } = new("", "");

    [JsonInclude] public string Description { get; private set; } = "";

    [JsonInclude] public DateOnly DueDate { get; private set; }

    [JsonInclude] public ActionStatus Status { get; private set; }

    /// <summary>Set when declined: why the owner can't do it.</summary>
    [JsonInclude] public string? DeclineReason { get; private set; }

    /// <summary>User id of the owner who confirmed or declined.</summary>
    [JsonInclude] public string? RespondedBy { get; private set; }

    [JsonInclude] public DateTimeOffset? RespondedAt { get; private set; }

    /// <summary>When reassigned: the id of the new action that replaces this one.</summary>
    [JsonInclude] public string? ReassignedTo { get; private set; }

    /// <summary>When this action replaces a declined one: that action's id.</summary>
    [JsonInclude] public string? ReassignedFrom { get; private set; }

    [JsonInclude] public string CreatedBy { get; private set; } = "";

    [JsonInclude] public DateTimeOffset CreatedAt { get; private set; }

    [JsonInclude] public string? DoneBy { get; private set; }

    [JsonInclude] public DateTimeOffset? DoneAt { get; private set; }

    /// <summary>When the owner or a chair last said, at a follow-up in a later MDO, that it is still in progress.</summary>
    [JsonInclude] public DateTimeOffset? StillOpenAt { get; private set; }

    /// <summary>Not (yet) accepted by anyone: proposed, or declined and not reassigned.</summary>
    [JsonIgnore] public bool IsUnconfirmed => Status is ActionStatus.Proposed or ActionStatus.Declined;

    internal void Confirm(string userId, DateTimeOffset now)
    {
        Status = ActionStatus.Confirmed;
        RespondedBy = userId;
        RespondedAt = now;
    }

    internal void Decline(string userId, string reason, DateTimeOffset now)
    {
        Status = ActionStatus.Declined;
        DeclineReason = reason;
        RespondedBy = userId;
        RespondedAt = now;
    }

    internal MdoAction ReassignTo(string newId, Participant newOwner, DateOnly dueDate, string createdBy, DateTimeOffset now)
    {
        Status = ActionStatus.Reassigned;
        ReassignedTo = newId;
        return new MdoAction(newId, CaseId, newOwner, Description, dueDate, createdBy, now) { ReassignedFrom = Id };
    }

    /// <summary>Removes the free text and the people's names and ids; keeps dates and status.</summary>
    internal void EraseContent()
    {
        Description = "";
        DeclineReason = null;
        Owner = new Participant("", "");
        RespondedBy = null;
        CreatedBy = "";
        DoneBy = null;
    }

    internal void Drop(string userId, DateTimeOffset now)
    {
        Status = ActionStatus.Dropped;
        DoneBy = userId;
        DoneAt = now;
    }

    internal void NoteStillOpen(DateTimeOffset now) => StillOpenAt = now;

    internal void MarkDone(string userId, DateTimeOffset now)
    {
        Status = ActionStatus.Done;
        DoneBy = userId;
        DoneAt = now;
    }
}
