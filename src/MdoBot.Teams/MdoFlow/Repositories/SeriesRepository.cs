using System.Text.Json;
using MdoBot.BotFramework.Storage;
using MdoBot.Domain.Mdo;
using MdoBot.Domain.Series;

namespace MdoBot.Teams.MdoFlow.Repositories;

/// <summary>A series as read from the store, with the version its save must match (0 = new).</summary>
public sealed record LoadedSeries(MdoSeries Series, long Version);

/// <summary>The series of a conversation (its coordinators), stored as a versioned JSON document.</summary>
public sealed class SeriesRepository(IStore store)
{
    public const string Kind = "series";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<LoadedSeries> GetOrNewAsync(string conversationId, CancellationToken ct)
    {
        var doc = await store.GetDocumentAsync(Kind, conversationId, ct);
        return doc is null
            ? new LoadedSeries(new MdoSeries(conversationId), 0)
            : new LoadedSeries(JsonSerializer.Deserialize<MdoSeries>(doc.Json, Json)!, doc.Version);
    }

    /// <summary>
    /// For what only a chair of the conversation's latest MDO or a coordinator of its series may see
    /// (the audit log, the evaluation trend): throws <see cref="MdoError.NotChair"/> for anyone else.
    /// </summary>
    public async Task RequireOverseerAsync(string conversationId, string? userId, MdoBot.Domain.Mdo.Mdo latest, CancellationToken ct)
    {
        var s = (await GetOrNewAsync(conversationId, ct)).Series;
        if (!s.CanOversee(userId, latest))
        {
            throw new MdoRuleException(MdoError.NotChair, "chair or coordinator only");
        }
    }

    public static void Save(ChangeSet changes, LoadedSeries loaded)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(loaded);
        var id = loaded.Series.ConversationId;
        changes.SaveDocument(new DocumentChange(Kind, id, id, loaded.Version, JsonSerializer.Serialize(loaded.Series, Json)));
    }
}
