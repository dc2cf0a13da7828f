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
                Label = lang.Text("MdoCards.caseCodeNoNameOrCitizen"),
                Placeholder = lang.Text("MdoCards.eGFamilyA"),
                IsRequired = true,
                ErrorMessage = lang.Text("MdoCards.enterACaseCode"),
                MaxLength = MdoLimits.CodeMaxLength,
                Value = existing?.Code,
            },
            new TextInput
            {
                Id = InputIds.Question,
                Label = lang.Text("MdoCards.questionForTheMdo"),
                IsMultiline = true,
                MaxLength = MdoLimits.QuestionMaxLength,
                Value = existing?.Question,
            },
            new ChoiceSetInput
            {
                Id = InputIds.Presenter,
                Label = lang.Text("MdoCards.presenter3"),
                Style = "compact",
                Placeholder = lang.Text("MdoCards.chooseAParticipant"),
                Choices = MdoButtons.Members(members, existing?.Presenter),
                Value = existing?.Presenter?.Id,
            },
            new ToggleInput
            {
                Id = InputIds.ParentsJoin,
                Title = lang.Text("MdoCards.parentsJoin2"),
                ValueOn = "true",
                ValueOff = "false",
                Value = existing?.ParentsJoin == true ? "true" : "false",
            },
            new NumberInput
            {
                Id = InputIds.TimeBox,
                Label = lang.Text("MdoCards.timeInMinutes", ("minTimeBoxMinutes", MdoLimits.MinTimeBoxMinutes), ("maxTimeBoxMinutes", MdoLimits.MaxTimeBoxMinutes)),
                Min = MdoLimits.MinTimeBoxMinutes,
                Max = MdoLimits.MaxTimeBoxMinutes,
                Value = existing?.TimeBoxMinutes ?? MdoLimits.DefaultTimeBoxMinutes,
                ErrorMessage = lang.Text("MdoCards.choose5To60Minutes"),
            },
            MdoTexts.Heading(lang.Text("MdoCards.theFamilysViewInTheirOwn")),
            Family(InputIds.FamilyWants, lang.Text("MdoCards.whatDoesTheFamilyWant"), view.WhatTheyWant),
            Family(InputIds.FamilyCan, lang.Text("MdoCards.whatCanTheFamilyDoThemselves"), view.WhatTheyCanDoThemselves),
            Family(InputIds.FamilyNeeds, lang.Text("MdoCards.whatDoesTheFamilyNeed"), view.WhatTheyNeed),
        ];
    }

    private static TextInput Family(string id, string label, string? value) =>
        new() { Id = id, Label = label, IsMultiline = true, MaxLength = MdoLimits.FamilyViewMaxLength, Value = value };
}
