using MdoBot.BotFramework.Storage;
using MdoBot.Domain.Mdo;
using Microsoft.AspNetCore.Http;
using MdoBot.Teams.MdoFlow.Repositories;

namespace MdoBot.Teams.Panel;

/// <summary>A panel request that passed every check: who, in which meeting chat, on which MDO.</summary>
/// <param name="Organizer">The meeting's organizer per Teams: the card verbs make them a chair on their first control.</param>
public sealed record PanelSession(PanelUser User, ConversationRef Conversation, Participant Participant, LoadedMdo Mdo, bool Organizer = false)
{
    /// <summary>Gets the chair controls: a chair by the cards' policy, or the organizer the cards would promote.</summary>
    public bool IsChair => Organizer || MdoPolicy.IsChair(Mdo.Mdo, Participant.Id);
}

/// <summary>The outcome of <see cref="PanelAccess.OpenAsync"/>: a session, or the HTTP status and a fixed reason.</summary>
public sealed record PanelOpen(PanelSession? Session, int Status, string? Error);

/// <summary>
/// Checks a panel request: token (401), the chat is known in the user's tenant and has an MDO (404, the same answer
/// whether or not it exists in another tenant), the user is a participant (403).
/// </summary>
public sealed class PanelAccess(
    PanelTokenValidator tokens, IStore store, MdoRepository repository, PanelParticipants participants, PanelOrganizers organizers)
{
    public const int MaxIdLength = 256;

    public async Task<PanelOpen> OpenAsync(HttpContext http, string chatId, string? mdoId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var auth = await tokens.ValidateAsync(http.Request.Headers.Authorization.ToString(), http.Connection.RemoteIpAddress, ct);
        if (auth.User is not { } user)
        {
            return new(null, StatusCodes.Status401Unauthorized, auth.Reason);
        }

        if (chatId.Length is 0 or > MaxIdLength || mdoId is { Length: 0 or > MaxIdLength })
        {
            return new(null, StatusCodes.Status400BadRequest, "invalid id");
        }

        var conversation = await store.GetConversationAsync(chatId, ct);
        if (conversation is null || !string.Equals(conversation.TenantId, user.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return NotFound();
        }

        var participant = await participants.FindAsync(conversation, user, ct);
        if (participant is null)
        {
            return new(null, StatusCodes.Status403Forbidden, "not a participant of this meeting chat");
        }

        var loaded = mdoId is null
            ? await repository.GetOpenAsync(chatId, ct) ?? await repository.GetLatestAsync(chatId, ct)
            : await repository.GetAsync(mdoId, ct);
        if (loaded is null || loaded.Mdo.ConversationId != chatId)
        {
            return NotFound();
        }

        var organizer = !MdoPolicy.IsChair(loaded.Mdo, participant.Id) && await organizers.IsOrganizerAsync(conversation, participant.Id, ct);
        return new(new PanelSession(user, conversation, participant, loaded, organizer), StatusCodes.Status200OK, null);
    }

    /// <summary>The same session with the MDO as stored now; null when it was erased meanwhile.</summary>
    public async Task<PanelSession?> RefreshAsync(PanelSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await repository.GetAsync(session.Mdo.Mdo.Id, ct) is { } loaded ? session with { Mdo = loaded } : null;
    }

    private static PanelOpen NotFound() => new(null, StatusCodes.Status404NotFound, "no MDO here");
}
