using System.Security.Cryptography;
using System.Text;
using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Storage;
using MdoBot.Teams.Cards.FollowUp;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.MdoFlow.Repositories;

/// <summary>
/// The lookup index of an MDO document: ordered by creation time within its chat, with one key per
/// case code it holds and one per case code that still has open actions — keyed hashes of the code
/// within the chat, never the code itself, so the index holds no readable care text and follows the
/// document on erasure (an erased case has no code).
/// </summary>
public static class MdoIndex
{
    public static DocumentIndex Of(MdoMeeting mdo)
    {
        ArgumentNullException.ThrowIfNull(mdo);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var c in mdo.Cases.Where(c => !string.IsNullOrEmpty(c.Code)))
        {
            keys.Add(CodeKey(mdo.ConversationId, c.Code));
            if (c.Actions.Any(SeriesFollowUp.IsOpen))
            {
                keys.Add(OpenKey(mdo.ConversationId, c.Code));
            }
        }

        return new DocumentIndex(SortKeyOf(mdo), [.. keys]);
    }

    public static long SortKeyOf(MdoMeeting mdo)
    {
        ArgumentNullException.ThrowIfNull(mdo);
        return mdo.CreatedAt.ToUnixTimeMilliseconds();
    }

    /// <summary>"A case with this code was discussed in this MDO."</summary>
    public static string CodeKey(string conversationId, string code) => "c:" + Hash(conversationId, code);

    /// <summary>"A case with this code has open actions in this MDO."</summary>
    public static string OpenKey(string conversationId, string code) => "o:" + Hash(conversationId, code);

    /// <summary>Case codes compare ignoring case (as the follow-up does).</summary>
    private static string Hash(string conversationId, string code)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(conversationId + "\n" + code.Trim().ToUpperInvariant()));
        return Convert.ToBase64String(bytes, 0, 18).Replace('+', '-').Replace('/', '_');
    }

    public static bool SameKeys(DocumentIndex a, DocumentIndex b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.SortKey == b.SortKey && a.Keys.SequenceEqual(b.Keys, StringComparer.Ordinal);
    }
}

/// <summary>Indexes MDO documents stored by a release that did not index them (run once after the migrations).</summary>
public sealed class MdoDocumentIndexer : IDocumentIndexer
{
    public string Kind => MdoRepository.Kind;

    public DocumentIndex IndexOf(string json) => MdoIndex.Of(MdoRepository.Deserialize(json));
}
