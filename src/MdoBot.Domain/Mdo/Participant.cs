namespace MdoBot.Domain.Mdo;

/// <summary>A person in the meeting: the Teams user id and the display name.</summary>
public sealed record Participant(string Id, string Name);
