using System.Text.Json;
using MdoBot.Domain.Mdo;
using MdoBot.Domain.Persistence;

namespace MdoBot.Teams.MdoFlow;

/// <summary>An MDO as read from the store, with the version its save must match (0 = new).</summary>
public sealed record LoadedMdo(Mdo Mdo, long Version);

/// <summary>Reads and writes MDO aggregates as versioned JSON documents.</summary>
public sealed class MdoRepository(IStore store)
{
    public const string Kind = "mdo";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<LoadedMdo?> GetAsync(string mdoId, CancellationToken ct)
    {
        var doc = await store.GetDocumentAsync(Kind, mdoId, ct);
        return doc is null ? null : Load(doc);
    }

    /// <summary>The MDO of this conversation that is not closed yet, if any.</summary>
    public async Task<LoadedMdo?> GetOpenAsync(string conversationId, CancellationToken ct) =>
        (await GetSeriesAsync(conversationId, ct)).LastOrDefault(m => m.Mdo.State != MdoState.Closed);

    /// <summary>Every MDO held in this conversation (the series), oldest first.</summary>
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
        changes.SaveDocument(new DocumentChange(Kind, mdo.Id, mdo.ConversationId, loaded.Version,
            JsonSerializer.Serialize(mdo, Json), mdo.State.ToString()));
    }

    private static LoadedMdo Load(StoredDocument doc) =>
        new(JsonSerializer.Deserialize<Mdo>(doc.Json, Json) ?? throw new InvalidDataException("Empty MDO document."), doc.Version);
}
