using System.Text.Json.Serialization;

namespace MdoBot.Domain.Mdo;

/// <summary>Planned → Current → Done. A case never discussed stays Planned after Close.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseStatus>))]
public enum CaseStatus
{
    Planned,
    Current,
    Done,
}
