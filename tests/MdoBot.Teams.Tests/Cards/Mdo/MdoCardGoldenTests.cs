namespace MdoBot.Teams.Tests.Cards.Mdo;

public sealed class MdoCardGoldenTests
{
    public static TheoryData<string> Names => [.. MdoCardCatalog.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void Build_CardInState_MatchesGolden(string name) => CardAssert.MatchesGolden(MdoCardCatalog.Get(name), "mdo." + name);

    [Theory]
    [MemberData(nameof(Names))]
    public void Build_CardInState_IsValidAdaptiveCard15(string name) => CardAssert.IsValidAdaptiveCard(MdoCardCatalog.Get(name));
}
