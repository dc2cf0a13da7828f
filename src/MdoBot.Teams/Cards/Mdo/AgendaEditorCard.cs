using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>
/// The chair's agenda form: fit check, the cases with reorder / edit / remove, an add-case form
/// (or the inline form of the case being edited), the meeting length, Start, prepare privately
/// and publish. Every action carries the mdoId and the agenda version (stale cards are refused).
/// Read-only once the MDO is closed. A long agenda that would not fit in a card gets one set of
/// case buttons under a case picker (input <see cref="CasePickerInputId"/>) instead of buttons per row.
/// </summary>
public static class AgendaEditorCard
{
    /// <summary>The case picker of the compact layout; its value arrives as <c>caseId</c>, like the per-row buttons' data.</summary>
    public const string CasePickerInputId = "caseId";

    public static AdaptiveCard Build(
        MdoMeeting mdo, IReadOnlyList<Participant> members, Language lang, TimeZoneInfo tz, string? editingCaseId = null, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(mdo);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(tz);
        return CardBudget.Fit(2, level => Render(mdo, members, lang, tz, editingCaseId, notice, compact: level > 0));
    }

    private static AdaptiveCard Render(
        MdoMeeting mdo, IReadOnlyList<Participant> members, Language lang, TimeZoneInfo tz, string? editingCaseId, string? notice, bool compact)
    {
        var closed = mdo.State == MdoState.Closed;
        var editing = !closed && mdo.FindCase(editingCaseId) is { Status: CaseStatus.Planned } found ? found : null;
        var body = new List<CardElement>();
        if (!string.IsNullOrWhiteSpace(notice))
        {
            body.Add(MdoTexts.Attention(notice));
        }

        body.Add(MdoTexts.Title(lang.Text("MdoCards.agenda")));
        body.Add(new TextBlock { Text = mdo.Title, Weight = "Bolder", Spacing = "None" });
        if (ScheduleLine(mdo, lang, tz) is { } schedule)
        {
            body.Add(MdoTexts.Subtle(schedule));
        }

        if (!closed)
        {
            body.Add(MdoTexts.Fit(mdo.FitCheck(), lang));
        }
        else
        {
            body.Add(MdoTexts.Subtle(lang.Text("MdoCards.thisMdoIsClosedTheAgenda")));
        }

        if (mdo.Cases.Count == 0)
        {
            body.Add(new TextBlock
            {
                Text = lang.Text("MdoCards.noCasesYetAddOneWith"),
                IsSubtle = true,
            });
        }

        body.AddRange(mdo.Cases.Select((c, i) => AgendaEditorRows.Row(mdo, c, i, members, lang, closed, editing, compact)));
        if (!closed)
        {
            if (compact && AgendaEditorControls.Picker(mdo, lang, editing) is { } picker)
            {
                body.Add(picker);
            }

            body.Add(AgendaTitleControl.Build(mdo, lang));
            body.Add(AgendaEditorControls.MeetingLength(mdo, lang));
        }

        return new AdaptiveCard
        {
            Lang = MdoFormat.LangCode(lang),
            FallbackText = lang.Text("MdoCards.agendaOf", ("title", mdo.Title)),
            Body = body,
            Actions = closed ? null : Buttons(mdo, members, lang, editing is null),
        };
    }

    /// <summary>"Gepland op 12-3-2026 om 14:00", when the meeting's schedule is known.</summary>
    internal static string? ScheduleLine(MdoMeeting mdo, Language lang, TimeZoneInfo tz) =>
        mdo.ScheduledStart is { } start
            ? lang.Text("MdoCards.meeting") + MdoFormat.DateTime(start, tz, lang)
              + (mdo.ScheduledEnd is { } end ? $"–{MdoFormat.Time(end, tz)}" : "")
            : null;

    private static List<CardAction> Buttons(MdoMeeting mdo, IReadOnlyList<Participant> members, Language lang, bool canAdd)
    {
        var actions = new List<CardAction>();
        if (canAdd)
        {
            var form = CaseFormInputs.Build(members, lang, existing: null);
            form.Add(new ActionSet
            {
                Actions = [MdoButtons.Agenda(mdo, CardVerbs.AddCase, lang.Text("MdoCards.add"), style: "positive", withInputs: true)],
            });
            actions.Add(MdoButtons.ShowCard(lang.Text("MdoCards.addCase"), form));
        }

        if (mdo.State == MdoState.Planned && mdo.Cases.Count > 0)
        {
            actions.Add(MdoButtons.Start(mdo, lang));
        }

        actions.Add(MdoButtons.Agenda(mdo, CardVerbs.PrepareInPrivate, lang.Text("MdoCards.prepareInPrivateChat")));
        actions.Add(MdoButtons.Agenda(mdo, CardVerbs.Publish, lang.Text("MdoCards.publishInTheMeeting")));
        return actions;
    }
}
