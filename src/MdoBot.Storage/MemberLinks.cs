namespace MdoBot.Storage;

/// <summary>
/// Migration 4: the Entra object id of a conversation member next to their Teams user id (ids only, no names),
/// for the meeting side panel. A new table: a database of the previous release upgrades without touching its data.
/// </summary>
internal static class MemberLinks
{
    public static Migration Migration { get; } = new(4, """
        CREATE TABLE member_links (
            conversation_id TEXT NOT NULL,
            aad_object_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            linked_at BIGINT NOT NULL,
            PRIMARY KEY (conversation_id, aad_object_id)
        );
        """);
}
