namespace MdoBot.EndToEnd.Tests.Harness;

/// <summary>
/// A <see cref="PlaygroundHarness"/> whose MdoBot runs its clock <see cref="TimeScale"/> times faster
/// (<c>Development:TimeScale</c>, development mode only): a 5-minute time box lasts 10 s of real time, so the
/// warning and time-up notices can be watched end to end without waiting minutes. The Playground itself runs
/// in real time; MdoBot's "now" (dates and times on cards) runs ahead by (elapsed real time × (scale − 1)).
/// </summary>
public sealed class FastClockPlayground : IAsyncLifetime
{
    public const int TimeScale = 30;

    public PlaygroundHarness Playground { get; } = new();

    public async Task InitializeAsync()
    {
        Playground.BotEnvironment["Development__TimeScale"] = TimeScale.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Playground.InitializeAsync().ConfigureAwait(false);
    }

    public Task DisposeAsync() => Playground.DisposeAsync();
}
