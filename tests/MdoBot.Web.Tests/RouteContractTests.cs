using System.Reflection;
using MdoBot.BotFramework.Hosting;
using MdoBot.BotFramework.Routing;
using MdoBot.Teams;
using MdoBot.Teams.Cards;
using MdoBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MdoBot.Web.Tests;

/// <summary>
/// The card contract and the handlers agree, as the running app wires them: every verb MdoBot puts on a card has
/// exactly one handler, every handler is reachable (its verb is in the contract and on a card, its command
/// words and timer kinds are routed), and no handler sits more than two classes deep.
/// </summary>
public sealed class RouteContractTests : IAsyncLifetime
{
    private BotApp _app = null!;

    public async Task InitializeAsync() => _app = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static IReadOnlyList<string> ContractVerbs { get; } = typeof(CardVerbs)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    [Fact]
    public void EveryContractVerb_HasExactlyOneHandler()
    {
        var handlers = _app.Services.GetServices<ICardVerbHandler>().ToList();

        foreach (var verb in ContractVerbs)
        {
            Assert.True(handlers.Count(h => h.Verb == verb) == 1, $"verb {verb}: {handlers.Count(h => h.Verb == verb)} handlers");
        }

        Assert.Equal(handlers.Count, handlers.Select(h => h.Verb).Distinct().Count());
    }

    [Fact]
    public void EveryCardHandler_AnswersAContractVerbTheRouterKnows()
    {
        var router = _app.Services.GetRequiredService<ActivityRouter>();

        foreach (var handler in _app.Services.GetServices<ICardVerbHandler>())
        {
            Assert.Contains(handler.Verb, ContractVerbs);
            Assert.Contains(handler.Verb, router.Verbs);
        }
    }

    [Fact]
    public void EveryContractVerb_IsOnACardBuilder()
    {
        // A verb no card carries cannot be clicked: its handler would be unreachable from Teams. Cards are built in
        // Cards/ (and the erase confirmation by its command); a handler's own `Verb =>` declaration does not count.
        var sources = string.Join('\n', Directory.EnumerateFiles(Path.Combine(SharedPaths.RepoRoot, "src", "MdoBot.Teams"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("CardVerbs.cs", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(File.ReadLines)
            .Where(line => !line.Contains("string Verb =>", StringComparison.Ordinal)));
        var fields = typeof(CardVerbs).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => f.Name);

        Assert.All(fields, name => Assert.Contains($"CardVerbs.{name}", sources, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryHandlerClass_IsRegisteredOnceUnderEachOfItsRoles()
    {
        var handlers = HandlerRegistration.HandlersIn(typeof(TeamsServiceCollectionExtensions).Assembly);

        Assert.NotEmpty(handlers);
        foreach (var type in handlers)
        {
            foreach (var role in HandlerRegistration.RolesOf(type))
            {
                Assert.Single(_app.Services.GetServices(role), s => s!.GetType() == type);
            }
        }
    }

    [Fact]
    public void CommandWordsAndTimerKinds_AreUniqueAndRouted()
    {
        var router = _app.Services.GetRequiredService<ActivityRouter>();
        var words = _app.Services.GetServices<ICommandHandler>().SelectMany(h => h.Names).ToList();
        var kinds = _app.Services.GetServices<ITimerHandler>().Select(h => h.Kind).ToList();

        Assert.NotEmpty(words);
        Assert.Equal(words.Count, words.Distinct(StringComparer.Ordinal).Count());
        Assert.All(words, w => Assert.Contains(w, router.CommandNames));
        Assert.Equal(kinds.Count, kinds.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void HandlerClasses_AreAtMostTwoClassesDeep()
    {
        foreach (var type in HandlerRegistration.HandlersIn(typeof(TeamsServiceCollectionExtensions).Assembly))
        {
            var depth = 0;
            for (var t = type.BaseType; t is not null && t != typeof(object); t = t.BaseType)
            {
                depth++;
            }

            Assert.True(depth <= 1, $"{type.Name} derives from {depth} classes");
        }
    }
}
