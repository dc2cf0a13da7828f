namespace MdoBot.Domain.Feedback;

/// <summary>
/// Built-in care jargon with plain alternatives, per language. Left out on purpose, because
/// parents know them: kraamzorg, huisarts, verloskundige, consultatiebureau, wijkteam,
/// gezinscoach, jeugdarts. The English list also holds the Dutch names and abbreviations that
/// appear in English texts (JGZ, Veilig Thuis, …). No plain alternative contains jargon itself.
/// </summary>
public static partial class CareJargon
{
    public static IReadOnlyList<JargonTerm> Dutch { get; } =
    [
        new("tweede lijn", "gespecialiseerde hulp"),
        new("tweedelijns", "gespecialiseerd"),
        new("eerste lijn", "hulp dichtbij, zoals de huisarts"),
        new("eerstelijns", "dichtbij, zoals bij de huisarts"),
        new("casuïstiek", "de gezinnen die we bespreken"),
        new("casuistiek", "de gezinnen die we bespreken"),
        new("casus", "uw situatie"),
        new("casussen", "situaties van gezinnen"),
        new("indicatie", "het besluit dat u deze hulp krijgt"),
        new("regiehouder", "uw vaste contactpersoon"),
        new("casemanager", "uw vaste contactpersoon"),
        new("JGZ", "het consultatiebureau (jeugdarts of jeugdverpleegkundige)"),
        new("CJG", "het Centrum voor Jeugd en Gezin"),
        new("Veilig Thuis", "de organisatie voor advies bij zorgen over geweld thuis", MatchCase: true),
        new("AMHK", "de organisatie voor advies bij zorgen over geweld thuis"),
        new("SKJ", "het register van jeugdprofessionals"),
        new("MDO", "overleg"),
        new("multidisciplinair overleg", "overleg met verschillende hulpverleners"),
        new("multidisciplinair", "met verschillende hulpverleners"),
        new("multidisciplinaire", "met verschillende hulpverleners"),
        new("ketenpartners", "andere hulpverleners"),
        new("ketenpartner", "een andere hulpverlener"),
        new("psychosociale problematiek", "zorgen over hoe het met u en uw gezin gaat"),
        new("psychosociale", "over hoe het met u en uw gezin gaat"),
        new("psychosociaal", "over hoe het met u en uw gezin gaat"),
        new("problematiek", "problemen"),
        new("zorgtraject", "de hulp die u krijgt"),
        new("hulpverleningstraject", "de hulp die u krijgt"),
        new("interventie", "hulp of aanpak"),
        new("signalering", "wat ons opviel"),
        new("perinataal", "rond de geboorte"),
        new("prenataal", "tijdens de zwangerschap"),
        new("postnataal", "na de geboorte"),
        new("escalatie", "meer hulp inschakelen"),
        new("opschalen", "meer hulp inschakelen"),
        new("afschalen", "de hulp verminderen"),
        new("doorverwijzen", "u in contact brengen met"),
        new("doorverwijzing", "contact met een andere hulpverlener"),
        new("verwijsindex", "een lijst waarin hulpverleners zien wie een kind helpt"),
        new("beschermd wonen", "wonen met begeleiding"),
        new("ondertoezichtstelling", "de rechter heeft een jeugdbeschermer aangewezen"),
        new("OTS", "de rechter heeft een jeugdbeschermer aangewezen"),
        new("SAVE", "hulp bij zorgen over de veiligheid van uw kind", MatchCase: true),
        new("POH-GGZ", "de praktijkondersteuner voor psychische klachten bij de huisarts"),
        new("GGZ", "hulp bij psychische problemen"),
        new("GGD", "de gezondheidsdienst van de gemeente"),
        new("ambulant", "bij u thuis of op afspraak"),
        new("triage", "een eerste inschatting"),
        new("preventief", "om problemen te voorkomen"),
    ];

    public static IReadOnlyList<JargonTerm> For(FeedbackLanguage language) =>
        language == FeedbackLanguage.English ? English : Dutch;
}
