using Dapper;
using MdoBot.BotFramework.Storage;

namespace MdoBot.Storage;

public abstract partial class SqlStore : IMemberLinkStore
{
    public async Task<string?> GetUserIdAsync(string conversationId, string aadObjectId, CancellationToken ct = default)
    {
        return await RepeatableAsync(conn => conn.QuerySingleOrDefaultAsync<string?>(
            "SELECT user_id FROM member_links WHERE conversation_id = @conversationId AND aad_object_id = @aadObjectId",
            new { conversationId, aadObjectId }), ct);
    }

    public Task SaveMemberLinkAsync(string conversationId, string aadObjectId, string userId, CancellationToken ct = default) =>
        WriteAsync(() => RepeatableAsync(conn => conn.ExecuteAsync( // an upsert of the same values: safe to repeat
            """
            INSERT INTO member_links (conversation_id, aad_object_id, user_id, linked_at) VALUES (@conversationId, @aadObjectId, @userId, @now)
            ON CONFLICT (conversation_id, aad_object_id) DO UPDATE SET user_id = excluded.user_id, linked_at = excluded.linked_at
            WHERE member_links.user_id <> excluded.user_id
            """,
            new { conversationId, aadObjectId, userId, now = Now() }), ct), ct);
}
