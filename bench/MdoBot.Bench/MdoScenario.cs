using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace MdoBot.Bench;

/// <summary>
/// One MDO in its own meeting chat with three members, driven like MdoFlowTests does: install,
/// agenda, 3 cases, start, record the goal, 2 actions, owners confirm, next ×2, close. Card
/// buttons are pressed with the data read back from the cards MdoBot sent to the connector.
/// </summary>
public sealed class MdoScenario(HttpClient http, BenchConnector connector, string botBaseUrl, string runTag, int thinkMs)
{
    private static readonly TimeSpan CardTimeout = TimeSpan.FromSeconds(60);
    private static readonly (string Code, int Minutes)[] Agenda = [("Gezin A", 20), ("Gezin B", 10), ("2026-017", 15)];

    public static (string Id, string Name) Chair(int n) => ($"29:chair-{n}", "Anna de Vries");

    public static (string Id, string Name) Nurse(int n) => ($"29:nurse-{n}", "Bram Jansen");

    public static (string Id, string Name) Social(int n) => ($"29:social-{n}", "Carla Smit");

    public string ConversationId(int n) => $"19:meeting_{runTag}-{n}@thread.v2";

    /// <summary>The whole MDO. <paramref name="stop"/> ends it at the next step (requests in flight complete).</summary>
    public async Task RunFullAsync(int n, Recorder rec, CancellationToken stop)
    {
        var (chair, nurse, social) = (Chair(n), Nurse(n), Social(n));
        var conversationId = ConversationId(n);
        var log = connector.Open(conversationId, [chair, nurse, social]);
        try
        {
            var chat = new MeetingClient(http, botBaseUrl, connector.ServiceUrl, conversationId, $"MCMx{runTag}-{n}", rec);
            await chat.InstallAsync(chair, CancellationToken.None);
            var editor = await OpenAgendaAsync(chat, log, chair, rec, stop);
            foreach (var (code, minutes) in Agenda)
            {
                await StepAsync(stop);
                editor = await AddCaseAsync(chat, chair, editor, code, minutes);
            }

            await StepAsync(stop);
            var t = Stopwatch.GetTimestamp();
            await chat.InvokeAsync(chair, Cards.ActionData(editor, "mdo.start"), CancellationToken.None);
            var caseCard = await log.WaitForAsync(c => c.Kind == "send" && c.HasVerb("case.save") && c.Has(Agenda[0].Code), CardTimeout, stop);
            rec.Card("mdo.start → case card", t, caseCard);
            var liveAgenda = await log.WaitForAsync(c => c.Kind == "send" && c.HasVerb("mdo.close"), CardTimeout, stop);

            await StepAsync(stop);
            var save = Cards.ActionData(caseCard.Card, "case.save");
            save["goal"] = "Veilig opgroeien";
            save["decisions"] = "Wekelijks huisbezoek";
            save["caseLead"] = nurse.Id;
            Expect(await chat.InvokeAsync(chair, save, CancellationToken.None), "case.save");

            var nurseCard = await AddActionAsync(chat, log, rec, chair, caseCard, nurse, "Belt de huisarts", stop);
            var socialCard = await AddActionAsync(chat, log, rec, chair, caseCard, social, "Regelt kinderopvang", stop);

            await StepAsync(stop);
            Expect(await chat.InvokeAsync(nurse, Cards.ActionData(nurseCard.Card, "action.confirm"), CancellationToken.None), "action.confirm");
            await StepAsync(stop);
            Expect(await chat.InvokeAsync(social, Cards.ActionData(socialCard.Card, "action.confirm"), CancellationToken.None), "action.confirm");

            var current = caseCard;
            foreach (var (code, _) in Agenda.Skip(1))
            {
                await StepAsync(stop);
                t = Stopwatch.GetTimestamp();
                Expect(await chat.InvokeAsync(chair, Cards.ActionData(current.Card, "mdo.next"), CancellationToken.None), "mdo.next");
                current = await log.WaitForAsync(c => c.Kind == "send" && c.HasVerb("case.save") && c.Has(code), CardTimeout, stop);
                rec.Card("mdo.next → case card", t, current);
            }

            await StepAsync(stop);
            t = Stopwatch.GetTimestamp();
            Expect(await chat.InvokeAsync(chair, Cards.ActionData(liveAgenda.Card, "mdo.close"), CancellationToken.None), "mdo.close");
            var summary = await log.WaitForAsync(c => c.Kind == "send" && c.Has("Samenvatting"), CardTimeout, stop);
            rec.Card("mdo.close → summary", t, summary);
        }
        finally
        {
            connector.Close(conversationId);
        }
    }

    /// <summary>
    /// Timer phase: an MDO with one case of <paramref name="minutes"/> minutes, started. Its stored
    /// timers (warning, time up, card refresh) then wait in MdoBot's database.
    /// </summary>
    public async Task StartOneCaseAsync(int n, int minutes, Recorder rec, CancellationToken ct)
    {
        var chair = Chair(n);
        var conversationId = ConversationId(n);
        var log = connector.Open(conversationId, [chair, Nurse(n), Social(n)]);
        var chat = new MeetingClient(http, botBaseUrl, connector.ServiceUrl, conversationId, $"MCMx{runTag}-{n}", rec);
        await chat.InstallAsync(chair, ct);
        var editor = await OpenAgendaAsync(chat, log, chair, rec, ct);
        editor = await AddCaseAsync(chat, chair, editor, "Gezin T", minutes);
        await chat.InvokeAsync(chair, Cards.ActionData(editor, "mdo.start"), ct);
        log.StopRecording(); // keep answering member look-ups; the time notices are stamped globally
    }

    private static async Task<JsonNode> OpenAgendaAsync(MeetingClient chat, ConversationLog log, (string Id, string Name) chair, Recorder rec, CancellationToken ct)
    {
        var t = Stopwatch.GetTimestamp();
        await chat.SayAsync(chair, "agenda", CancellationToken.None);
        var editor = await log.WaitForAsync(c => c.IsSend && c.HasVerb("agenda.addCase"), CardTimeout, ct);
        rec.Card("agenda → editor card", t, editor);
        return editor.Card;
    }

    internal static async Task<JsonNode> AddCaseAsync(MeetingClient chat, (string Id, string Name) chair, JsonNode editor, string code, int minutes)
    {
        var data = Cards.ActionData(editor, "agenda.addCase");
        data["code"] = code;
        data["question"] = "Hoe ondersteunen we de ouders?";
        data["timeBox"] = minutes.ToString(CultureInfo.InvariantCulture);
        data["familyWants"] = "Rust in huis";
        var response = await chat.InvokeAsync(chair, data, CancellationToken.None);
        if ((string?)response?["type"] != "application/vnd.microsoft.card.adaptive" || response?["value"] is not { } card)
        {
            throw new BenchStepException("agenda.addCase: no editor card in the answer: " + response?.ToJsonString());
        }

        Expect(response, "agenda.addCase");
        return card;
    }

    private async Task<ConnectorCall> AddActionAsync(MeetingClient chat, ConversationLog log, Recorder rec, (string Id, string Name) chair,
        ConnectorCall caseCard, (string Id, string Name) owner, string text, CancellationToken stop)
    {
        await StepAsync(stop);
        var add = Cards.ActionData(caseCard.Card, "case.addAction");
        add["actionOwner"] = owner.Id;
        add["actionText"] = text;
        add["actionDue"] = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var t = Stopwatch.GetTimestamp();
        Expect(await chat.InvokeAsync(chair, add, CancellationToken.None), "case.addAction");
        var card = await log.WaitForAsync(c => c.Kind == "send" && c.HasVerb("action.confirm") && c.Has($"<at>{owner.Name}</at>"), CardTimeout, stop);
        rec.Card("case.addAction → owner card", t, card);
        return card;
    }

    /// <summary>A refused action (not chair, stale card…) means the bench drove the flow wrongly: fail loudly.</summary>
    internal static void Expect(JsonNode? response, string verb)
    {
        var text = Cards.Strings(response);
        foreach (var refusal in new[] { "Alleen ", "verouderd", "werkt niet meer", "bestaat niet" })
        {
            if (text.Contains(refusal, StringComparison.Ordinal))
            {
                throw new BenchStepException($"{verb} refused: {text.Split('\n').FirstOrDefault(l => l.Contains(refusal, StringComparison.Ordinal))}");
            }
        }
    }

    /// <summary>Between two steps: optional think time (uniform 0.5–1.5 ×); stop here when the measured window is over.</summary>
    private async Task StepAsync(CancellationToken stop)
    {
        if (thinkMs > 0)
        {
            // 0.5–1.5 × the think time, so that the virtual chairs do not click in lock step.
            await Task.Delay(thinkMs / 2 + Random.Shared.Next(thinkMs + 1), stop);
        }

        stop.ThrowIfCancellationRequested();
    }
}
