namespace MdoBot.Domain.Privacy;

/// <summary>
/// Warns when free text (a family view, a goal, an action, a comment) looks like it holds a
/// citizen service number (see <see cref="CitizenServiceNumber"/>) or a birth date (a full date
/// on or before today, or any full date next to a birth word; future dates such as due dates
/// are fine). A warning, not proof: the user decides. The result never holds the matched text.
/// </summary>
public static class SensitiveTextGuard
{
    /// <param name="today">The local date now (from the caller's clock): later dates are due dates.</param>
    public static SensitiveTextResult Check(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SensitiveTextResult.Safe;
        }

        var numbers = CitizenServiceNumber.Find(text).ToList();
        var dates = BirthDateFinder.Find(text, today)
            .Where(d => !numbers.Any(n => n.Position < d.Position + d.Length && d.Position < n.Position + n.Length));
        var matches = numbers.Concat(dates).OrderBy(m => m.Position).ToList();
        return matches.Count == 0 ? SensitiveTextResult.Safe : new SensitiveTextResult(matches);
    }
}
