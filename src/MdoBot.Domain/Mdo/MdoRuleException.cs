namespace MdoBot.Domain.Mdo;

/// <summary>
/// A refused MDO operation. <see cref="Code"/> is what the UI localizes; the message is
/// invariant English for logs and tests and never contains case content.
/// </summary>
public sealed class MdoRuleException : Exception
{
    public MdoRuleException(MdoError code, string message, string? field = null)
        : base(message)
    {
        Code = code;
        Field = field;
    }

    public MdoError Code { get; }

    /// <summary>For <see cref="MdoError.InvalidInput"/>: the input that was wrong, e.g. "code" or "timeBoxMinutes".</summary>
    public string? Field { get; }

    internal static MdoRuleException Invalid(string field, string message) =>
        new(MdoError.InvalidInput, $"{field}: {message}", field);

    internal static MdoRuleException State(string message) => new(MdoError.InvalidState, message);

    internal static MdoRuleException NotFound(string what, string id) =>
        new(MdoError.NotFound, $"{what} '{id}' was not found.");
}
