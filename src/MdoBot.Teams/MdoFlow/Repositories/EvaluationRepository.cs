using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MdoBot.Domain.Evaluation;
using MdoBot.BotFramework.Storage;

namespace MdoBot.Teams.MdoFlow.Repositories;

/// <summary>
/// Evaluation answers of one MDO: only scores (and the optional comment) under a keyed hash of the
/// respondent, so one person's second answer replaces the first without storing who answered.
/// The hash key is random per MDO and lives with the answers.
/// </summary>
public sealed class EvaluationRepository(IStore store)
{
    public const string Kind = "evaluation";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Loaded(EvaluationSet Set, string Salt, long Version, string ConversationId);

    public async Task<Loaded> GetOrNewAsync(string mdoId, string conversationId, CancellationToken ct)
    {
        var doc = await store.GetDocumentAsync(Kind, mdoId, ct);
        if (doc is null)
        {
            return new Loaded(new EvaluationSet(mdoId), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), 0, conversationId);
        }

        var dto = JsonSerializer.Deserialize<Dto>(doc.Json, Json)!;
        var set = new EvaluationSet(mdoId);
        foreach (var a in dto.Answers)
        {
            set.Add(new EvaluationAnswer(mdoId, a.Key, a.Scores, a.Comment));
        }

        return new Loaded(set, dto.Salt, doc.Version, doc.ConversationId);
    }

    public async Task<IReadOnlyList<EvaluationSet>> GetForConversationAsync(string conversationId, CancellationToken ct)
    {
        var docs = await store.GetDocumentsByConversationAsync(Kind, conversationId, ct);
        var result = new List<EvaluationSet>();
        foreach (var doc in docs)
        {
            result.Add((await GetOrNewAsync(doc.Id, conversationId, ct)).Set);
        }

        return result;
    }

    /// <summary>The respondent key: HMAC-SHA256 of the user id under the MDO's random salt.</summary>
    public static string RespondentKey(string salt, string userId) =>
        Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(salt), Encoding.UTF8.GetBytes(userId)));

    public static void Save(ChangeSet changes, Loaded loaded)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(loaded);
        var dto = new Dto(loaded.Salt, [.. loaded.Set.Answers.Select(a => new AnswerDto(a.RespondentKey, a.Scores.ToDictionary(), a.Comment))]);
        changes.SaveDocument(new DocumentChange(Kind, loaded.Set.MdoId, loaded.ConversationId, loaded.Version, JsonSerializer.Serialize(dto, Json)));
    }

    private sealed record Dto(string Salt, List<AnswerDto> Answers);

    private sealed record AnswerDto(string Key, Dictionary<EvaluationQuestion, int> Scores, string? Comment);
}
