using System.Globalization;

namespace MdoBot.Graph.Mail;

/// <summary>
/// Subjects for MdoBot's e-mail. They are deliberately generic: only the kind of message and the date,
/// never a child's or family's name, the MDO title or any case detail (subjects are visible in
/// previews, on lock screens and to every relay). The details belong in the body.
/// </summary>
public static class MailSubjects
{
    /// <summary>For the summary after an MDO, e.g. <c>MDO-samenvatting 23-11-2026</c>.</summary>
    public static string Summary(DateOnly meetingDate) => "MDO-samenvatting " + Format(meetingDate);

    /// <summary>For an invitation to an MDO, e.g. <c>Uitnodiging MDO 23-11-2026</c>.</summary>
    public static string Invitation(DateOnly meetingDate) => "Uitnodiging MDO " + Format(meetingDate);

    private static string Format(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
}
