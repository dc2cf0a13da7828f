namespace MdoBot.Domain.Privacy;

/// <summary>What kind of personal data a free text seems to hold.</summary>
public enum SensitiveFinding
{
    None,
    CitizenServiceNumber,
    BirthDate,
}

/// <summary>Where something sensitive was found: kind and position only, never the content.</summary>
public sealed record SensitiveMatch(SensitiveFinding Kind, int Position, int Length);

/// <summary>
/// The result of <see cref="SensitiveTextGuard.Check"/>. It holds kinds and positions only, so
/// it can be logged or shown without repeating the number or date.
/// </summary>
/// <param name="Matches">In text order.</param>
public sealed record SensitiveTextResult(IReadOnlyList<SensitiveMatch> Matches)
{
    public static SensitiveTextResult Safe { get; } = new([]);

    public bool IsSafe => Matches.Count == 0;

    /// <summary>The most serious finding: a citizen service number over a birth date.</summary>
    public SensitiveFinding Finding =>
        Matches.Any(m => m.Kind == SensitiveFinding.CitizenServiceNumber) ? SensitiveFinding.CitizenServiceNumber
        : Matches.Count > 0 ? SensitiveFinding.BirthDate
        : SensitiveFinding.None;

    /// <summary>The warning to show (see <see cref="PrivacyTexts"/>), or null when safe.</summary>
    public string? MessageKey => Finding switch
    {
        SensitiveFinding.CitizenServiceNumber => PrivacyTexts.CitizenServiceNumberKey,
        SensitiveFinding.BirthDate => PrivacyTexts.BirthDateKey,
        _ => null,
    };
}
