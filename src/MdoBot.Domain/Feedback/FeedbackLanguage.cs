namespace MdoBot.Domain.Feedback;

/// <summary>
/// The language of a text: Dutch by default, English when the user's Teams locale is English.
/// Also used by the evaluation and privacy texts.
/// </summary>
public enum FeedbackLanguage
{
    Dutch,
    English,
}
