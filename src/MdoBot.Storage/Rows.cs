using MdoBot.BotFramework.Storage;

namespace MdoBot.Storage;

// Row types mapped by Dapper (snake_case columns matched by Dapper's underscore matching).
internal sealed record ConversationRow(
    string Conversation_Id, string Service_Url, string? Tenant_Id, string Bot_Id, string Channel_Id,
    string Kind, string? Meeting_Id, string? Locale, long Installed_At, long Active)
{
    public static object From(ConversationRef c) => new
    {
        c.ConversationId, c.ServiceUrl, c.TenantId, c.BotId, c.ChannelId, Kind = c.Kind.ToString(),
        c.MeetingId, c.Locale, InstalledAt = c.InstalledAt.ToUnixTimeMilliseconds(), Active = c.Active ? 1 : 0,
    };

    public ConversationRef ToDomain() => new(
        Conversation_Id, Service_Url, Tenant_Id, Bot_Id, Channel_Id, Enum.Parse<ConversationKind>(Kind),
        Meeting_Id, Locale, DateTimeOffset.FromUnixTimeMilliseconds(Installed_At), Active != 0);
}

internal sealed record DocumentRow(string Kind, string Id, string Conversation_Id, long Version, string Json, string? Status)
{
    public StoredDocument ToDomain() => new(Kind, Id, Conversation_Id, Version, Json, Status);
}

internal sealed record OutboxRow(
    long Id, string Conversation_Id, string Service_Url, string Operation, string Activity_Json,
    string? Card_Key, string? Target_User_Id, string? Tenant_Id, long Attempts, long Failed, string? Scope, long Created_At)
{
    public OutboxItem ToDomain() => new(
        Conversation_Id, Service_Url, Enum.Parse<OutboxOperation>(Operation), Activity_Json, Card_Key, Target_User_Id, Tenant_Id)
    {
        Id = Id,
        Attempts = (int)Attempts,
        Scope = Scope,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(Created_At),
    };
}

internal sealed record DeadLetterRow(
    long Id, string Conversation_Id, string Service_Url, string Operation, string? Card_Key, string? Target_User_Id,
    string? Tenant_Id, long? Dead_Status, string? Dead_Reason, long? Dead_At, long Created_At)
{
    public DeadLetter ToDomain() => new(
        Id, Conversation_Id, Service_Url, Enum.Parse<OutboxOperation>(Operation), Card_Key, Target_User_Id, Tenant_Id,
        (int)(Dead_Status ?? 0), Dead_Reason ?? DeadLetterReasons.Expired, DateTimeOffset.FromUnixTimeMilliseconds(Dead_At ?? Created_At));
}

internal sealed record TimerRow(string Timer_Key, string Kind, long Due_At, string Conversation_Id, string Payload)
{
    public TimerRecord ToDomain() => new(Timer_Key, Kind, DateTimeOffset.FromUnixTimeMilliseconds(Due_At), Conversation_Id, Payload);
}

internal sealed record InboxLookupRow(long Forgotten_Before, long? Status, byte[]? Answer, byte[]? Key_Bytes);

internal sealed record AuditRow(long At, string? User_Id, string Action, string Conversation_Id, string? Mdo_Id, string? Case_Id)
{
    public AuditEntry ToDomain() => new(DateTimeOffset.FromUnixTimeMilliseconds(At), User_Id, Action, Conversation_Id, Mdo_Id, Case_Id);
}
