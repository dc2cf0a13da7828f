using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams;

/// <summary>
/// MdoBot's user-facing texts: <c>lang.Text("MdoCards.addAction")</c> reads them from the catalogue files in
/// <c>Texts/*.texts.json</c> (one per area, every text in Dutch and English), so that a translator works on the
/// JSON files without reading C#. Placeholders are named: <c>lang.Text("AfterMdoCards.feedbackForTheParents", ("code", c.Code))</c>.
/// </summary>
public static class AppTexts
{
    public static TextCatalog Catalog { get; } = TextCatalog.Load(typeof(AppTexts).Assembly);

    public static string Text(this Language language, string key, params ReadOnlySpan<(string Name, object? Value)> args) =>
        Catalog.Get(language, key, args);
}
