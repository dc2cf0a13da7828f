using MdoBot.BotFramework.Storage;
using MdoBot.BotFramework.Protocol;
using Microsoft.Extensions.Logging;

namespace MdoBot.Teams.MdoFlow.Lookups;

/// <summary>
/// The Teams meeting's title from its details (<c>GET v1/meetings/{id}</c>), for a new MDO in a meeting chat.
/// Best effort: without a meeting, or when Teams does not answer, there is no title (the caller falls back).
/// </summary>
public sealed partial class MeetingDetailsTitle(IConnectorClient connector, ILogger<MeetingDetailsTitle> logger)
{
    public async Task<string?> GetAsync(ConversationRef conversation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (conversation.MeetingId is not { } meetingId)
        {
            return null;
        }

        try
        {
            var info = await connector.GetMeetingInfoAsync(conversation.ServiceUrl, meetingId, ct);
            return info?.Details?.Title is { } title && !string.IsNullOrWhiteSpace(title) ? title.Trim() : null;
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TaskCanceledException)
        {
            LogUnavailable(logger, ex.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting details not available for the title: {Error}")]
    private static partial void LogUnavailable(ILogger logger, string error);
}
