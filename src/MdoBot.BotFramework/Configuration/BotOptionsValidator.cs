using Microsoft.Extensions.Options;

namespace MdoBot.BotFramework.Configuration;

/// <summary>Refuses unusable <see cref="BotOptions"/> at start-up, with the reason (see <see cref="BotOptions.Validate"/>).</summary>
internal sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Validate() is { } problem ? ValidateOptionsResult.Fail("Bot configuration error: " + problem) : ValidateOptionsResult.Success;
    }
}
