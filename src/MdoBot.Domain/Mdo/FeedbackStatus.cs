using System.Text.Json.Serialization;

namespace MdoBot.Domain.Mdo;

/// <summary>Where the parents' feedback (terugkoppeling) of a case stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedbackStatus>))]
public enum FeedbackStatus
{
    Open,
    SentByEmail,
    DiscussedInPerson,
}
