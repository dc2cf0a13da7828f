using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>The agenda editor's controls below the rows: the compact layout's case picker and the meeting length.</summary>
internal static class AgendaEditorControls
{
    /// <summary>Compact layout: one picker of the planned cases with ↑ ↓ Edit Remove for the chosen one.</summary>
    public static Container? Picker(MdoMeeting mdo, Language lang, MdoCase? editing)
    {
        var planned = mdo.Cases.Where(c => c.Status == CaseStatus.Planned && c != editing).ToList();
        if (planned.Count == 0)
        {
            return null;
        }

        return new Container
        {
            Separator = true,
            Spacing = "Medium",
            Items =
            [
                new ChoiceSetInput
                {
                    Id = AgendaEditorCard.CasePickerInputId,
                    Label = lang.Pick("Casus wijzigen", "Change a case"),
                    Style = "compact",
                    Choices = [.. planned.Select(c => new Choice(c.Code, c.Id))],
                    Value = planned[0].Id,
                },
                new ActionSet
                {
                    Actions =
                    [
                        MdoButtons.Agenda(mdo, CardVerbs.MoveCase, "↑", direction: "up", withInputs: true),
                        MdoButtons.Agenda(mdo, CardVerbs.MoveCase, "↓", direction: "down", withInputs: true),
                        MdoButtons.Agenda(mdo, CardVerbs.EditCaseForm, lang.Pick("Bewerken", "Edit"), withInputs: true),
                        MdoButtons.Agenda(mdo, CardVerbs.RemoveCase, lang.Pick("Verwijderen", "Remove"), style: "destructive", withInputs: true),
                    ],
                },
            ],
        };
    }

    public static ColumnSet MeetingLength(MdoMeeting mdo, Language lang) => AgendaTitleControl.InputRow(
        new NumberInput
        {
            Id = InputIds.MeetingLength,
            Label = lang.Pick("Vergaderduur in minuten", "Meeting length in minutes"),
            Min = MdoLimits.MinMeetingMinutes,
            Max = MdoLimits.MaxMeetingMinutes,
            Value = mdo.FitCheck().MeetingMinutes,
            ErrorMessage = lang.Pick("Kies 15 tot 480 minuten.", "Choose 15 to 480 minutes."),
        },
        MdoButtons.Agenda(mdo, CardVerbs.SetMeetingLength, lang.Pick("Instellen", "Set"), withInputs: true));
}
