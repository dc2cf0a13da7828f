namespace MdoBot.BotFramework.Storage;

/// <summary>
/// How a document is found without reading its conversation's other documents: its place in the
/// conversation (<see cref="SortKey"/>, e.g. the creation time in Unix milliseconds) and opaque lookup
/// keys (hashes, never readable content), replaced on every save and deleted with the document.
/// </summary>
/// <param name="KeysUnchanged">The keys equal those stored (known from the loaded version): the store skips rewriting them.</param>
public sealed record DocumentIndex(long SortKey, IReadOnlyList<string> Keys, bool KeysUnchanged = false);

/// <summary>A document of a conversation that carries one of the looked-up keys.</summary>
public sealed record DocumentKeyHit(string Id, string Key, long SortKey);

/// <summary>
/// Computes the index of a stored document from its JSON: used once to index documents written by a
/// release that did not index them (at start-up, after the migrations).
/// </summary>
public interface IDocumentIndexer
{
    string Kind { get; }

    DocumentIndex IndexOf(string json);
}
