using System.Text.Json.Serialization;

namespace MdoBot.Domain.Mdo;

/// <summary>
/// Proposed → Confirmed → Done, or Proposed → Declined → Reassigned (the new owner gets a new,
/// Proposed action).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActionStatus>))]
public enum ActionStatus
{
    Proposed,
    Confirmed,
    Declined,
    Reassigned,
    Done,

    /// <summary>No longer needed (decided at a follow-up, by the owner or a chair).</summary>
    Dropped,
}
