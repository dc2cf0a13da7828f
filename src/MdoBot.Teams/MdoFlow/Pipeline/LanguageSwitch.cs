using MdoBot.Domain.Mdo;
using MdoBot.BotFramework.Routing;

namespace MdoBot.Teams.MdoFlow.Pipeline;

/// <summary>
/// What the language command and the welcome card's language buttons share: a chair sets the language of the MDO's
/// shared cards; when it changes, it is stored and the cards already in the chat are re-rendered once, in order.
/// </summary>
public static class LanguageSwitch
{
    /// <summary>The usage answer for an unknown code: the supported languages.</summary>
    public static string Usage(Language lang) => lang.Text("Flow.chooseOneOfTheseLanguagesFor", ("supportedList", MdoLanguage.SupportedList()));

    /// <summary>Sets a supported <paramref name="code"/>; throws MdoRuleException for a non-chair. True when it changed.</summary>
    public static bool Apply(MdoContext ctx, string code)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        MdoPolicy.DemandChair(ctx.Mdo, ctx.Actor);
        var changed = ctx.Mdo.SetLanguage(ctx.Actor, code);
        if (changed)
        {
            ctx.Save("mdo.languageSet");
            SharedCards.Rerender(ctx);
        }

        return changed;
    }

    /// <summary>"The cards of this MDO are now in English."</summary>
    public static string Confirmation(Language lang, bool changed) => changed
        ? lang.Text("Flow.theCardsOfThisMdoAre", ("value", MdoLanguage.Name(lang)))
        : lang.Text("Flow.theCardsOfThisMdoAre2", ("value", MdoLanguage.Name(lang)));
}
