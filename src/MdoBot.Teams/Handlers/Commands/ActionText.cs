using System.Globalization;

namespace MdoBot.Teams.Handlers.Commands;

/// <summary>Parses "@Name what by date" (Dutch "voor", English "by") into a description and a due date.</summary>
public static class ActionText
{
    private static readonly string[] Formats = ["d-M-yyyy", "yyyy-MM-dd", "d/M/yyyy"];

    public static (string Description, DateOnly Due)? Parse(string arguments, string ownerName, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var text = arguments.Trim();
        var mention = "@" + ownerName;
        if (text.StartsWith(mention, StringComparison.OrdinalIgnoreCase))
        {
            text = text[mention.Length..].Trim();
        }

        var split = Math.Max(text.LastIndexOf(" voor ", StringComparison.OrdinalIgnoreCase), text.LastIndexOf(" by ", StringComparison.OrdinalIgnoreCase));
        if (split <= 0)
        {
            return null;
        }

        var description = text[..split].Trim();
        var datePart = text[(text.IndexOf(' ', split + 1) + 1)..].Trim().TrimEnd('.');
        var due = ParseDate(datePart, today);
        return description.Length == 0 || due is null ? null : (description, due.Value);
    }

    public static DateOnly? ParseDate(string text, DateOnly today)
    {
        switch (text.ToLowerInvariant())
        {
            case "vandaag" or "today":
                return today;
            case "morgen" or "tomorrow":
                return today.AddDays(1);
            case "volgende week" or "next week":
                return today.AddDays(7);
        }

        // "1-12" without a year: this year's date, or next year's when it has passed.
        var hasYear = text.Count(c => c is '-' or '/') == 2;
        var full = hasYear ? text : $"{text}{(text.Contains('/', StringComparison.Ordinal) ? '/' : '-')}{today.Year}";
        if (!DateOnly.TryParseExact(full, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        return !hasYear && date < today ? date.AddYears(1) : date;
    }
}
