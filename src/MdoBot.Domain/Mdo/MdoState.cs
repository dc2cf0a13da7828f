using System.Text.Json.Serialization;

namespace MdoBot.Domain.Mdo;

/// <summary>Planned → Running → Closed (Planned → Closed when the meeting ends unstarted).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MdoState>))]
public enum MdoState
{
    Planned,
    Running,
    Closed,
}
