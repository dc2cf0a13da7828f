using MdoBot.Teams.Cards;
using MdoBot.BotFramework.Auth;
using MdoBot.BotFramework.Protocol;
using MdoBot.BotFramework.Routing;
using Microsoft.Extensions.Logging;

namespace MdoBot.Teams.Security;

/// <summary>
/// Politely tells a conversation of a tenant MdoBot does not serve that it cannot help there.
/// Nothing is stored: the message is sent directly (best effort, in the background).
/// </summary>
public sealed partial class TenantRefusal(IConnectorClient connector, ILogger<TenantRefusal> logger) : ITenantRefusal
{
    public void Send(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate)
            || activity.ServiceUrl is null || activity.Conversation?.Id is null)
        {
            return;
        }

        var lang = LanguageResolver.Resolve(activity);
        var reply = Activity.CreateMessage(lang.Text("Security.mdobotIsNotAvailableForThis"));
        reply.From = activity.Recipient;
        reply.Conversation = new ConversationAccount { Id = activity.Conversation.Id };
        _ = Task.Run(async () =>
        {
            try
            {
                await connector.SendToConversationAsync(activity.ServiceUrl, activity.Conversation.Id, reply);
            }
            catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TaskCanceledException)
            {
                LogRefusalFailed(logger, ex.GetType().Name);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the tenant refusal: {Error}")]
    private static partial void LogRefusalFailed(ILogger logger, string error);
}
