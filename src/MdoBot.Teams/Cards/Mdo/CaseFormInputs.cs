using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Cards.Mdo;

/// <summary>The inputs of the agenda's case form (add and edit), with the ids from <see cref="InputIds"/>.</summary>
internal static class CaseFormInputs
{
    public static List<CardElement> Build(IReadOnlyList<Participant> members, Language lang, MdoCase? existing)
    {
        var view = existing?.FamilyView ?? FamilyView.Empty;
        return
        [
            new TextInput
            {
                Id = InputIds.Code,
                Label = lang.Pick("Casuscode (geen naam of BSN)", "Case code (no name or citizen service number)"),
                Placeholder = lang.Pick("bijv. Gezin A", "e.g. Family A"),
                IsRequired = true,
                ErrorMessage = lang.Pick("Vul een casuscode in.", "Enter a case code."),
                MaxLength = MdoLimits.CodeMaxLength,
                Value = existing?.Code,
            },
            new TextInput
            {
                Id = InputIds.Question,
                Label = lang.Pick("Vraag aan het MDO", "Question for the MDO"),
                IsMultiline = true,
                MaxLength = MdoLimits.QuestionMaxLength,
                Value = existing?.Question,
            },
            new ChoiceSetInput
            {
                Id = InputIds.Presenter,
                Label = lang.Pick("Inbrenger", "Presenter"),
                Style = "compact",
                Placeholder = lang.Pick("Kies een deelnemer", "Choose a participant"),
                Choices = MdoButtons.Members(members, existing?.Presenter),
                Value = existing?.Presenter?.Id,
            },
            new ToggleInput
            {
                Id = InputIds.ParentsJoin,
                Title = lang.Pick("Ouders sluiten aan", "Parents join"),
                ValueOn = "true",
                ValueOff = "false",
                Value = existing?.ParentsJoin == true ? "true" : "false",
            },
            new NumberInput
            {
                Id = InputIds.TimeBox,
                Label = lang.Pick(
                    $"Tijd in minuten ({MdoLimits.MinTimeBoxMinutes}–{MdoLimits.MaxTimeBoxMinutes})",
                    $"Time in minutes ({MdoLimits.MinTimeBoxMinutes}–{MdoLimits.MaxTimeBoxMinutes})"),
                Min = MdoLimits.MinTimeBoxMinutes,
                Max = MdoLimits.MaxTimeBoxMinutes,
                Value = existing?.TimeBoxMinutes ?? MdoLimits.DefaultTimeBoxMinutes,
                ErrorMessage = lang.Pick("Kies 5 tot 60 minuten.", "Choose 5 to 60 minutes."),
            },
            MdoTexts.Heading(lang.Pick("Het perspectief van het gezin (in hun eigen woorden)", "The family's view (in their own words)")),
            Family(InputIds.FamilyWants, lang.Pick("Wat wil het gezin?", "What does the family want?"), view.WhatTheyWant),
            Family(InputIds.FamilyCan, lang.Pick("Wat kan het gezin zelf?", "What can the family do themselves?"), view.WhatTheyCanDoThemselves),
            Family(InputIds.FamilyNeeds, lang.Pick("Wat heeft het gezin nodig?", "What does the family need?"), view.WhatTheyNeed),
        ];
    }

    private static TextInput Family(string id, string label, string? value) =>
        new() { Id = id, Label = label, IsMultiline = true, MaxLength = MdoLimits.FamilyViewMaxLength, Value = value };
}
