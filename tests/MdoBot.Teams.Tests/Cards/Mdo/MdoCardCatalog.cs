using MdoBot.Domain.Feedback;
using MdoBot.Teams.Cards.AfterMdo;
using MdoBot.Teams.Cards.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using static MdoBot.Teams.Tests.Cards.Mdo.MdoSamples;

namespace MdoBot.Teams.Tests.Cards.Mdo;

/// <summary>Every MDO card in every relevant state, by golden-file name (mdo.&lt;name&gt;.json).</summary>
internal static class MdoCardCatalog
{
    private const Language Nl = Language.Dutch;
    private const Language En = Language.English;

    private static readonly Dictionary<string, Func<AdaptiveCard>> Cards = new()
    {
        ["editor.nl"] = () => Editor(MdoStage.Planned, Nl),
        ["editor.en"] = () => Editor(MdoStage.Planned, En),
        ["editor.editing.nl"] = () => Editor(MdoStage.Planned, Nl, editing: "c2"),
        ["editor.editing.en"] = () => Editor(MdoStage.Planned, En, editing: "c2"),
        ["editor.notice.nl"] = EditorTooLong,
        ["editor.running.nl"] = () => Editor(MdoStage.SecondCase, Nl),
        ["editor.closed.nl"] = () => Editor(MdoStage.Closed, Nl),
        ["live.planned.nl"] = () => Live(MdoStage.Planned, Nl),
        ["live.planned.en"] = () => Live(MdoStage.Planned, En),
        ["live.running.nl"] = () => Live(MdoStage.SecondCase, Nl),
        ["live.running.en"] = () => Live(MdoStage.SecondCase, En),
        ["live.closed.nl"] = () => Live(MdoStage.Closed, Nl),
        ["case.current.nl"] = () => Case(MdoStage.SecondCase, "c2", Nl),
        ["case.current.en"] = () => Case(MdoStage.SecondCase, "c2", En),
        ["case.done.nl"] = () => Case(MdoStage.SecondCase, "c1", Nl),
        ["case.closed.nl"] = () => Case(MdoStage.Closed, "c1", Nl),
        ["action.proposed.nl"] = () => Action("a3", Nl),
        ["action.proposed.en"] = () => Action("a3", En),
        ["action.confirmed.nl"] = () => Action("a4", Nl),
        ["action.confirmed.en"] = () => Action("a4", En),
        ["action.declined.nl"] = () => Action("a5", Nl),
        ["action.reassigned.nl"] = () => Action("a2", Nl),
        ["action.done.nl"] = () => Action("a1", Nl),
        ["time.warning.nl"] = () => Time(TimeNoticeKind.Warning, late: false, Nl),
        ["time.warning.en"] = () => Time(TimeNoticeKind.Warning, late: false, En),
        ["time.up.nl"] = () => Time(TimeNoticeKind.TimeUp, late: false, Nl),
        ["time.up.late.nl"] = () => Time(TimeNoticeKind.TimeUp, late: true, Nl),
        ["time.up.late.en"] = () => Time(TimeNoticeKind.TimeUp, late: true, En),
        ["summary.nl"] = () => SummaryCard.Build(Build(MdoStage.Closed), Nl, Amsterdam),
        ["summary.en"] = () => SummaryCard.Build(Build(MdoStage.Closed), En, Amsterdam),
        ["start.nl"] = () => StartPromptCard.Build(Build(MdoStage.Planned), Nl),
        ["start.en"] = () => StartPromptCard.Build(Build(MdoStage.Planned), En),
        ["start.running.nl"] = () => StartPromptCard.Build(Build(MdoStage.SecondCase), Nl),
        ["feedback.nl"] = () => Feedback(Nl, FeedbackLanguage.Dutch),
        ["feedback.dutchLetter.en"] = () => Feedback(En, FeedbackLanguage.Dutch),
        ["feedback.englishLetter.en"] = () => Feedback(En, FeedbackLanguage.English),
        ["evaluation.nl"] = () => EvaluationCard.Build(Build(MdoStage.Closed), Nl),
        ["evaluation.en"] = () => EvaluationCard.Build(Build(MdoStage.Closed), En),
        ["trend.nl"] = () => EvaluationTrendCard.Build(AfterMdoSamples.Trend, Nl, Amsterdam),
        ["trend.en"] = () => EvaluationTrendCard.Build(AfterMdoSamples.Trend, En, Amsterdam),
        ["trend.empty.nl"] = () => EvaluationTrendCard.Build([], Nl, Amsterdam),
        ["export.nl"] = () => AfterMdoSamples.Export(Nl),
        ["export.en"] = () => AfterMdoSamples.Export(En),
        ["notice.nl"] = () => NoticeCard.Build("Deze kaart is verouderd", "De agenda is intussen gewijzigd. Open de agenda opnieuw.", Nl),
    };

    public static IEnumerable<string> Names => Cards.Keys;

    public static AdaptiveCard Get(string name) => Cards[name]();

    public static AdaptiveCard Action(string actionId, Language lang)
    {
        var mdo = Build(MdoStage.Closed);
        var action = mdo.FindAction(actionId)!;
        return ActionCard.Build(mdo, action, mdo.FindCase(action.CaseId)!.Code, lang, Amsterdam);
    }

    private static AdaptiveCard Editor(MdoStage stage, Language lang, string? editing = null) =>
        AgendaEditorCard.Build(Build(stage), Members, lang, Amsterdam, editing);

    private static AdaptiveCard EditorTooLong()
    {
        var mdo = Build(MdoStage.Planned);
        mdo.SetMeetingLength(Chair, 45);
        return AgendaEditorCard.Build(mdo, Members, Nl, Amsterdam, notice: "Er staat al een casus met de code Gezin B op de agenda.");
    }

    private static AdaptiveCard Live(MdoStage stage, Language lang) =>
        LiveAgendaCard.Build(Build(stage), lang, Now(stage), Amsterdam, new HashSet<string> { "Gezin B" });

    private static AdaptiveCard Case(MdoStage stage, string caseId, Language lang)
    {
        var mdo = Build(stage);
        return CaseCard.Build(mdo, mdo.FindCase(caseId)!, Members, lang, Now(stage), Amsterdam, mdo.CurrentClock());
    }

    /// <summary>The case lead's draft card in <paramref name="lang"/> around a letter in <paramref name="letter"/>.</summary>
    private static AdaptiveCard Feedback(Language lang, FeedbackLanguage letter)
    {
        var mdo = Build(MdoStage.Closed);
        var c = mdo.FindCase("c1")!;
        var draft = FeedbackDraftGenerator.Generate(mdo, c, letter, string.Empty, null);
        return FeedbackDraftCard.Build(mdo, c, draft.Text, PlainLanguageCheck.Analyze(draft.Text, letter), lang);
    }

    private static AdaptiveCard Time(TimeNoticeKind kind, bool late, Language lang)
    {
        var mdo = Build(MdoStage.SecondCase);
        return TimeNoticeCard.Build(mdo, mdo.CurrentCase!, kind, kind == TimeNoticeKind.Warning ? 5 : 0, late, lang);
    }
}
