using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Cards.AfterMdo;

/// <summary>The copy-ready Markdown of one case (<c>export &lt;code&gt;</c>), for the chair or the case lead only.</summary>
public static class ExportCard
{
    public static AdaptiveCard Build(string caseCode, string markdown, Language lang) => new()
    {
        Lang = lang.Text("AfterMdoCards.en"),
        FallbackText = lang.Text("AfterMdoCards.exportOf", ("caseCode", caseCode)),
        Body =
        [
            new TextBlock { Text = lang.Text("AfterMdoCards.exportOf", ("caseCode", caseCode)), Size = "Large", Weight = "Bolder" },
            new TextBlock { Text = lang.Text("AfterMdoCards.copyTheTextIntoYourOwn"), IsSubtle = true },
            new TextInput { Id = InputIds.Export, IsMultiline = true, Value = markdown, Label = "Markdown" },
        ],
    };
}
