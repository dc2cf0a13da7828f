using System.Text.Json;
using MdoBot.BotFramework.Storage;
using MdoBot.Domain.Series;
using MdoBot.Teams.MdoFlow.Pipeline;
using MdoBot.Teams.MdoFlow.Lookups;
using MdoBot.Teams.MdoFlow.Lifecycle;

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

    public static void Save(ChangeSet changes, LoadedSeries loaded)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(loaded);
        var id = loaded.Series.ConversationId;
        changes.SaveDocument(new DocumentChange(Kind, id, id, loaded.Version, JsonSerializer.Serialize(loaded.Series, Json)));
    }
}
