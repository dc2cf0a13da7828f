using MdoBot.Domain.Mdo;
using MdoBot.Teams.Cards.FollowUp;
using MdoBot.Teams.Tests.Cards.Mdo;
using static MdoBot.Teams.Tests.Cards.Mdo.MdoSamples;
using MdoMeeting = MdoBot.Domain.Mdo.Mdo;

namespace MdoBot.Teams.Tests.Cards.FollowUp;

/// <summary>
/// The next MDO of the sample series (six weeks after <see cref="MdoSamples"/>' closed MDO, same meeting
/// chat): "gezin a" (written in lower case) and "Gezin B" return, "Gezin C" is new; "gezin a" is current.
/// </summary>
internal static class FollowUpSamples
{
    public const string CurrentId = "8c2d4e6f1a3b";

    public static readonly DateTimeOffset T1 = T0.AddDays(42);

    public static DateTimeOffset Now => T1.AddMinutes(5);

    public static MdoMeeting Earlier() => Build(MdoStage.Closed);

    public static MdoMeeting Current(bool closed = false)
    {
        var earlier = Earlier();
        var mdo = MdoMeeting.Create(CurrentId, earlier.ConversationId, "MDO Kansrijke Start april", Chair, T1.AddDays(-2), T1, T1.AddMinutes(60));
        foreach (var draft in new[] { new CaseDraft("gezin a", Midwife), new CaseDraft("Gezin B", Social), new CaseDraft("Gezin C", Nurse) })
        {
            mdo.AddCase(Chair, draft, mdo.AgendaVersion);
        }

        mdo.Start(Chair, T1);
        if (closed)
        {
            mdo.Close(Chair, T1.AddMinutes(50));
        }

        return mdo;
    }

    public static SeriesFollowUp FollowUp(MdoMeeting current) => SeriesFollowUp.From(current, [Earlier(), current]);
}
