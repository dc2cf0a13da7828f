using System.Text.Json.Nodes;

namespace MdoBot.Bench.HotPath;

/// <summary>
/// Prepares meeting chats in a running MdoBot over HTTP only, from the answers of its invokes (no
/// waiting for cards at the connector, so it is fast): install; <c>agenda.open</c> (the welcome
/// card's button) answers the editor; <c>agenda.addCase</c> answers it with the case; <c>mdo.start</c>.
/// Earlier MDOs are closed with <c>mdo.close</c> (meeting buttons carry no agenda version check);
/// the running MDO's <c>case.save</c> data carries its MDO and case id.
/// </summary>
public sealed class HotPathSetup(HttpClient http, BenchConnector connector, BotProcess bot)
{
    public const int TimeBoxMinutes = 60; // the longest: no case timer falls due during a run

    public static string ConversationId(string tag, int n) => $"19:meeting_{tag}-{n}@thread.v2";

    /// <summary>
    /// Chats 0…count-1 of <paramref name="tag"/>, each with <paramref name="closedBefore"/> closed MDOs
    /// and, when <paramref name="running"/>, one running MDO with one case. Returns each chat's
    /// case.save data (null for chats without a running MDO) and one real case.save answer.
    /// </summary>
    public async Task<(JsonObject?[] SaveData, string SampleAnswer)> PrepareAsync(
        string tag, int count, Func<int, int> closedBefore, bool running, int concurrency, CancellationToken ct)
    {
        var data = new JsonObject?[count];
        var sample = string.Empty;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, count)).Select(_ => Task.Run(async () =>
        {
            var rec = new Recorder();
            int n;
            while ((n = Interlocked.Increment(ref next)) < count)
            {
                var chat = Open(tag, n, rec);
                await chat.InstallAsync(MdoScenario.Chair(n), ct);
                for (var i = closedBefore(n); i > 0; i--)
                {
                    var (start, _) = await OpenAndStartAsync(chat, n, ct);
                    start["verb"] = "mdo.close";
                    MdoScenario.Expect(await chat.InvokeAsync(MdoScenario.Chair(n), start, ct), "mdo.close");
                }

                if (running)
                {
                    var (start, caseId) = await OpenAndStartAsync(chat, n, ct);
                    data[n] = SaveData(n, (string)start["mdoId"]!, caseId, "Eerste doel");
                    var answer = await chat.InvokeAsync(MdoScenario.Chair(n), data[n]!.DeepClone().AsObject(), ct);
                    MdoScenario.Expect(answer, "case.save");
                    if (!InvokeBody.IsAdaptiveCard(System.Text.Encoding.UTF8.GetBytes(answer?.ToJsonString() ?? "{}")))
                    {
                        throw new BenchStepException("case.save answered no Adaptive Card: " + answer?.ToJsonString());
                    }

                    sample = answer!.ToJsonString();
                }

                rec.Samples.Clear();
            }
        }, ct)));
        return (data, sample);
    }

    /// <summary>The case.save press of chat <paramref name="n"/>'s chair: goal, decisions, case lead.</summary>
    public static JsonObject SaveData(int n, string mdoId, string caseId, string goal) => new()
    {
        ["verb"] = "case.save",
        ["mdoId"] = mdoId,
        ["caseId"] = caseId,
        ["goal"] = goal,
        ["decisions"] = "Wekelijks huisbezoek",
        ["caseLead"] = MdoScenario.Nurse(n).Id,
    };

    /// <summary>The request of each chat, for <paramref name="endpoint"/>: the chair presses case.save.</summary>
    public RequestTemplate[] Templates(string tag, JsonObject?[] saveData, System.Net.IPEndPoint endpoint)
    {
        var rec = new Recorder();
        return saveData.Select((d, n) =>
        {
            var press = d!.DeepClone().AsObject();
            press["goal"] = RequestTemplate.GoalMarker;
            var activity = Open(tag, n, rec, watch: false).InvokeActivity(MdoScenario.Chair(n), press);
            activity["id"] = RequestTemplate.IdMarker;
            return new RequestTemplate(endpoint, activity);
        }).ToArray();
    }

    private MeetingClient Open(string tag, int n, Recorder rec, bool watch = true)
    {
        var conversationId = ConversationId(tag, n);
        if (watch)
        {
            // The connector answers the member list (the chair is the organizer) and drops what MdoBot posts.
            connector.Open(conversationId, [MdoScenario.Chair(n), MdoScenario.Nurse(n), MdoScenario.Social(n)]).StopRecording();
        }

        return new MeetingClient(http, bot.BaseUrl, connector.ServiceUrl, conversationId, $"MCMx{tag}-{n}", rec);
    }

    private static async Task<(JsonObject Start, string CaseId)> OpenAndStartAsync(MeetingClient chat, int n, CancellationToken ct)
    {
        var chair = MdoScenario.Chair(n);
        var opened = await chat.InvokeAsync(chair, new JsonObject { ["verb"] = "agenda.open" }, ct);
        var editor = opened?["value"] is JsonObject card && (string?)opened["type"] == "application/vnd.microsoft.card.adaptive"
            ? card
            : throw new BenchStepException("agenda.open: no editor card in the answer: " + opened?.ToJsonString());
        var withCase = await MdoScenario.AddCaseAsync(chat, chair, editor, "Gezin A", TimeBoxMinutes);
        var start = Cards.ActionData(withCase, "mdo.start");
        var caseId = Cards.FindActions(withCase).Select(a => (string?)a["data"]?["caseId"]).FirstOrDefault(id => id is not null)
            ?? throw new BenchStepException("agenda.addCase: no case id on the editor card");
        MdoScenario.Expect(await chat.InvokeAsync(chair, start.DeepClone().AsObject(), ct), "mdo.start");
        return (start, caseId);
    }
}
