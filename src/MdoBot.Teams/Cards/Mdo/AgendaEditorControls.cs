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
                    Label = lang.Text("MdoCards.changeACase"),
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
                        MdoButtons.Agenda(mdo, CardVerbs.EditCaseForm, lang.Text("MdoCards.edit"), withInputs: true),
                        MdoButtons.Agenda(mdo, CardVerbs.RemoveCase, lang.Text("MdoCards.remove"), style: "destructive", withInputs: true),
                    ],
                },
            ],
        };
    }

    public static ColumnSet MeetingLength(MdoMeeting mdo, Language lang) => AgendaTitleControl.InputRow(
        new NumberInput
        {
            Id = InputIds.MeetingLength,
            Label = lang.Text("MdoCards.meetingLengthInMinutes"),
            Min = MdoLimits.MinMeetingMinutes,
            Max = MdoLimits.MaxMeetingMinutes,
            Value = mdo.FitCheck().MeetingMinutes,
            ErrorMessage = lang.Text("MdoCards.choose15To480Minutes"),
        },
        MdoButtons.Agenda(mdo, CardVerbs.SetMeetingLength, lang.Text("MdoCards.set"), withInputs: true));
}
