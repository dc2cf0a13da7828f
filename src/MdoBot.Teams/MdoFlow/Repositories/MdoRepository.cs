using System.Text.Json;
using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Storage;

namespace MdoBot.Teams.MdoFlow.Repositories;

/// <summary>An MDO as read from the store, with the version its save must match (0 = new) and the index it was stored with.</summary>
public sealed record LoadedMdo(Mdo Mdo, long Version, DocumentIndex? StoredIndex = null);

/// <summary>Reads and writes MDO aggregates as versioned, indexed JSON documents.</summary>
public sealed class MdoRepository(IStore store)
{
    public const string Kind = "mdo";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<LoadedMdo?> GetAsync(string mdoId, CancellationToken ct)
    {
        var doc = await store.GetDocumentAsync(Kind, mdoId, ct);
        return doc is null ? null : Load(doc);
    }

    /// <summary>The MDO of this conversation that is not closed yet, if any (one indexed read, whatever the history).</summary>
    public async Task<LoadedMdo?> GetOpenAsync(string conversationId, CancellationToken ct) =>
        await store.GetLatestDocumentAsync(Kind, conversationId, nameof(MdoState.Closed), ct) is { } doc ? Load(doc) : null;

    /// <summary>The most recent MDO of this conversation, open or closed.</summary>
    public async Task<LoadedMdo?> GetLatestAsync(string conversationId, CancellationToken ct) =>
        await store.GetLatestDocumentAsync(Kind, conversationId, null, ct) is { } doc ? Load(doc) : null;

    /// <summary>Every MDO held in this conversation (the series), oldest first. Reads the whole history: not for the turn's hot path.</summary>
    public async Task<IReadOnlyList<LoadedMdo>> GetSeriesAsync(string conversationId, CancellationToken ct)
    {
        var docs = await store.GetDocumentsByConversationAsync(Kind, conversationId, ct);
        return docs.Select(Load).OrderBy(m => m.Mdo.CreatedAt).ToList();
    }

    public static void Save(ChangeSet changes, LoadedMdo loaded)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(loaded);
        var mdo = loaded.Mdo;
        var index = MdoIndex.Of(mdo);
        if (loaded.StoredIndex is { } stored && MdoIndex.SameKeys(stored, index))
        {
            index = index with { KeysUnchanged = true };
        }

        changes.SaveDocument(new DocumentChange(Kind, mdo.Id, mdo.ConversationId, loaded.Version,
            JsonSerializer.Serialize(mdo, Json), mdo.State.ToString()) { Index = index });
    }

    public static Mdo Deserialize(string json) =>
        JsonSerializer.Deserialize<Mdo>(json, Json) ?? throw new InvalidDataException("Empty MDO document.");

    private static LoadedMdo Load(StoredDocument doc)
    {
        var mdo = Deserialize(doc.Json);
        return new LoadedMdo(mdo, doc.Version, MdoIndex.Of(mdo));
    }
}
