namespace MdoBot.Domain.Feedback;

public static partial class CareJargon
{
    public static IReadOnlyList<JargonTerm> English { get; } =
    [
        new("multidisciplinary", "with different professionals"),
        new("multi-agency", "with different organisations"),
        new("case lead", "your contact person"),
        new("caseload", "the families we help"),
        new("referral", "putting you in touch with other help"),
        new("refer", "put you in touch with"),
        new("intervention", "help"),
        new("care pathway", "the help you get"),
        new("safeguarding", "keeping your child safe"),
        new("escalate", "bring in more help"),
        new("escalation", "bringing in more help"),
        new("step up", "bring in more help"),
        new("step down", "reduce the help"),
        new("perinatal", "around the birth"),
        new("prenatal", "during pregnancy"),
        new("antenatal", "during pregnancy"),
        new("postnatal", "after the birth"),
        new("signposting", "telling you where to find help"),
        new("MDT", "meeting"),
        new("MDO", "meeting"),
        new("JGZ", "the child health clinic"),
        new("CJG", "the Centre for Youth and Family"),
        new("Veilig Thuis", "the organisation for advice about violence at home", MatchCase: true),
        new("AMHK", "the organisation for advice about violence at home"),
        new("OTS", "a court has appointed a child protection worker"),
        new("SAVE", "help with worries about your child's safety", MatchCase: true),
        new("POH-GGZ", "the mental health assistant at your family doctor"),
        new("GGZ", "mental health services"),
        new("GGD", "the local public health service"),
        new("SKJ", "the register of youth professionals"),
    ];
}
