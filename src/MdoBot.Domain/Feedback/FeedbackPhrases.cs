using System.Globalization;

namespace MdoBot.Domain.Feedback;

/// <summary>
/// The fixed text of a feedback draft. Every sentence has at most 20 words and no care jargon
/// (a test checks this). {0}, {1}, {2} are filled in with recorded content only.
/// </summary>
internal sealed partial record FeedbackPhrases
{
    public required string Greeting { get; init; }
    public required string GreetingFallbackName { get; init; }
    public required string DiscussedHeading { get; init; }
    public required string MetOn { get; init; }
    public required string MetUndated { get; init; }
    public required string StartedFromFamily { get; init; }
    public required string Want { get; init; }
    public required string CanDo { get; init; }
    public required string Need { get; init; }
    public required string AgreedHeading { get; init; }
    public required string Goal { get; init; }
    public required string ActionsHeading { get; init; }
    public required string ActionBy { get; init; }
    public required string ActionByNoOwner { get; init; }
    public required string ActionDone { get; init; }
    public required string ActionDoneNoOwner { get; init; }
    public required string ContactHeading { get; init; }
    public required string Contact { get; init; }
    public required string ContactQuestions { get; init; }
    public required string ContactUnknown { get; init; }
    public required string NextHeading { get; init; }
    public required string NextBy { get; init; }
    public required string NextUnknown { get; init; }
    public required string Closing { get; init; }
    public required string Regards { get; init; }
    public required IReadOnlyList<string> Months { get; init; }

    public static FeedbackPhrases For(FeedbackLanguage language) =>
        language == FeedbackLanguage.English ? English : Dutch;

    public static string Fill(string format, params object[] values) =>
        string.Format(CultureInfo.InvariantCulture, format, values);

    /// <summary>"1 december", with the year only when it differs from <paramref name="referenceYear"/>.</summary>
    public string Date(DateOnly date, int referenceYear) =>
        date.Year == referenceYear
            ? $"{date.Day} {Months[date.Month - 1]}"
            : $"{date.Day} {Months[date.Month - 1]} {date.Year}";

    public static FeedbackPhrases Dutch { get; } = new()
    {
        Greeting = "Beste {0},",
        GreetingFallbackName = "ouder(s)",
        DiscussedHeading = "Waar we over praatten",
        MetOn = "Op {0} hebben we met een paar hulpverleners over uw gezin gepraat.",
        MetUndated = "We hebben met een paar hulpverleners over uw gezin gepraat.",
        StartedFromFamily = "We gingen uit van wat u zelf belangrijk vindt.",
        Want = "Wat u wilt: {0}",
        CanDo = "Wat u zelf kunt: {0}",
        Need = "Wat u nodig hebt: {0}",
        AgreedHeading = "Wat we willen bereiken",
        Goal = "Dit willen we samen met u bereiken: {0}",
        ActionsHeading = "Wie doet wat",
        ActionBy = "{0} doet dit vóór {1}: {2}",
        ActionByNoOwner = "Dit gebeurt vóór {0}: {1}",
        ActionDone = "{0} heeft dit al gedaan: {1}",
        ActionDoneNoOwner = "Dit is al gedaan: {0}",
        ContactHeading = "Uw vaste contactpersoon",
        Contact = "Uw vaste contactpersoon is {0}.",
        ContactQuestions = "Met vragen kunt u altijd bij deze persoon terecht.",
        ContactUnknown = "De voorzitter van het overleg laat u weten wie uw vaste contactpersoon wordt.",
        NextHeading = "Wanneer u van ons hoort",
        NextBy = "U hoort uiterlijk {0} van ons.",
        NextUnknown = "We laten u nog weten wanneer u weer van ons hoort.",
        Closing = "Heeft u vragen? Neem dan gerust contact met ons op.",
        Regards = "Met vriendelijke groet,",
        Months =
        [
            "januari", "februari", "maart", "april", "mei", "juni",
            "juli", "augustus", "september", "oktober", "november", "december",
        ],
    };
}
