namespace MdoBot.BotFramework.Routing;

/// <summary>The protocol layer's own few user-facing texts (<c>Texts/Protocol.texts.json</c>), kept like the app's.</summary>
public static class ProtocolTexts
{
    public static TextCatalog Catalog { get; } = TextCatalog.Load(typeof(ProtocolTexts).Assembly);

    internal static string Text(this Language language, string key, params ReadOnlySpan<(string Name, object? Value)> args) =>
        Catalog.Get(language, key, args);
}
