using MdoBot.BotFramework.Cards;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.Cards.AfterMdo;

/// <summary>The copy-ready Markdown of one case (<c>export &lt;code&gt;</c>), for the chair or the case lead only.</summary>
public static class ExportCard
{
    public static AdaptiveCard Build(string caseCode, string markdown, Language lang) => new()
    {
        Lang = lang.Pick("nl", "en"),
        FallbackText = lang.Pick($"Export van {caseCode}", $"Export of {caseCode}"),
        Body =
        [
            new TextBlock { Text = lang.Pick($"Export van {caseCode}", $"Export of {caseCode}"), Size = "Large", Weight = "Bolder" },
            new TextBlock { Text = lang.Pick("Kopieer de tekst naar je eigen dossier.", "Copy the text into your own file."), IsSubtle = true },
            new TextInput { Id = InputIds.Export, IsMultiline = true, Value = markdown, Label = "Markdown" },
        ],
    };
}
