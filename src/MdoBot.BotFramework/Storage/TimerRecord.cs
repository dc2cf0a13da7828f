namespace MdoBot.BotFramework.Storage;

/// <summary>
/// A stored timer: fires once at <see cref="DueAt"/> (or at once after a restart when it
/// fell due while MdoBot was down). <see cref="Key"/> is unique; scheduling the same key again
/// replaces a pending timer.
/// </summary>
public sealed record TimerRecord(
    string Key,
    string Kind,
    DateTimeOffset DueAt,
    string ConversationId,
    string Payload);
