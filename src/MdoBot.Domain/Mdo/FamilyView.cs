using System.Text.Json.Serialization;

namespace MdoBot.Domain.Mdo;

/// <summary>The family's own view, the starting point of a case. Each part is optional.</summary>
public sealed record FamilyView(string? WhatTheyWant = null, string? WhatTheyCanDoThemselves = null, string? WhatTheyNeed = null)
{
    public static FamilyView Empty { get; } = new();

    [JsonIgnore]
    public bool IsEmpty => WhatTheyWant is null && WhatTheyCanDoThemselves is null && WhatTheyNeed is null;

    internal FamilyView Normalize() => new(
        MdoText.Optional(WhatTheyWant, MdoLimits.FamilyViewMaxLength, "familyView.whatTheyWant"),
        MdoText.Optional(WhatTheyCanDoThemselves, MdoLimits.FamilyViewMaxLength, "familyView.whatTheyCanDoThemselves"),
        MdoText.Optional(WhatTheyNeed, MdoLimits.FamilyViewMaxLength, "familyView.whatTheyNeed"));
}
