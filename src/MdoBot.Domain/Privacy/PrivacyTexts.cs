using MdoBot.Domain.Feedback;

namespace MdoBot.Domain.Privacy;

/// <summary>The privacy warnings, by key, in Dutch and English. None repeats what was typed.</summary>
public static class PrivacyTexts
{
    public const string CitizenServiceNumberKey = "privacy.text.citizenServiceNumber";
    public const string BirthDateKey = "privacy.text.birthDate";
    public const string CaseCodeNameKey = "privacy.caseCode.fullName";
    public const string CaseCodeCitizenServiceNumberKey = "privacy.caseCode.citizenServiceNumber";

    /// <exception cref="ArgumentOutOfRangeException">An unknown key.</exception>
    public static string Text(string key, FeedbackLanguage language) => (key, language) switch
    {
        (CitizenServiceNumberKey, FeedbackLanguage.English) =>
            "This looks like a citizen service number (BSN). Please leave it out: the case code is enough.",
        (CitizenServiceNumberKey, _) =>
            "Dit lijkt op een burgerservicenummer (BSN). Laat het weg: de casuscode is genoeg.",
        (BirthDateKey, FeedbackLanguage.English) =>
            "This looks like a birth date. Please give an age instead, such as \"8 months\".",
        (BirthDateKey, _) =>
            "Dit lijkt op een geboortedatum. Noem liever een leeftijd, zoals \"8 maanden\".",
        (CaseCodeNameKey, FeedbackLanguage.English) =>
            "This code looks like a name. Please use a code without a name, such as \"Family A\" or \"2026-017\".",
        (CaseCodeNameKey, _) =>
            "Deze code lijkt op een naam. Gebruik een code zonder naam, zoals \"Gezin A\" of \"2026-017\".",
        (CaseCodeCitizenServiceNumberKey, FeedbackLanguage.English) =>
            "This code looks like a citizen service number (BSN). Please use a code such as \"Family A\" or \"2026-017\".",
        (CaseCodeCitizenServiceNumberKey, _) =>
            "Deze code lijkt op een burgerservicenummer (BSN). Gebruik een code zoals \"Gezin A\" of \"2026-017\".",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown privacy text key."),
    };
}
