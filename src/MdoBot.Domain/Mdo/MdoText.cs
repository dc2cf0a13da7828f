namespace MdoBot.Domain.Mdo;

/// <summary>Trimming and length checks shared by all operations.</summary>
internal static class MdoText
{
    public static string Required(string? value, int maxLength, string field)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw MdoRuleException.Invalid(field, "is required.");
        }

        return CheckLength(text, maxLength, field);
    }

    /// <summary>Trimmed text, or null when empty or whitespace.</summary>
    public static string? Optional(string? value, int maxLength, string field)
    {
        var text = value?.Trim();
        return string.IsNullOrEmpty(text) ? null : CheckLength(text, maxLength, field);
    }

    public static int InRange(int value, int min, int max, string field) =>
        value >= min && value <= max
            ? value
            : throw MdoRuleException.Invalid(field, $"must be between {min} and {max}.");

    public static Participant Person(Participant? person, string field) =>
        person is null || string.IsNullOrWhiteSpace(person.Id)
            ? throw MdoRuleException.Invalid(field, "a person with a user id is required.")
            : person;

    private static string CheckLength(string text, int maxLength, string field) =>
        text.Length <= maxLength
            ? text
            : throw MdoRuleException.Invalid(field, $"is longer than {maxLength} characters.");
}
