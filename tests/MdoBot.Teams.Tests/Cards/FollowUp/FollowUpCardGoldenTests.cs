namespace MdoBot.Teams.Tests.Cards.FollowUp;

public sealed class FollowUpCardGoldenTests
{
    public static TheoryData<string> Names => [.. FollowUpCardCatalog.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void Build_CardInState_MatchesGolden(string name) => CardAssert.MatchesGolden(FollowUpCardCatalog.Get(name), "followup." + name);

    [Theory]
    [MemberData(nameof(Names))]
    public void Build_CardInState_IsValidAdaptiveCard15(string name) => CardAssert.IsValidAdaptiveCard(FollowUpCardCatalog.Get(name));
}
