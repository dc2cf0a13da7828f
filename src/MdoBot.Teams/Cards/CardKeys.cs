namespace MdoBot.Teams.Cards;

/// <summary>Keys under which posted cards are remembered, so they can be updated in place.</summary>
public static class CardKeys
{
    /// <summary>The welcome card of a conversation (one per conversation).</summary>
    public const string Welcome = "welcome";

    public static string LiveAgenda(string mdoId) => $"agenda:{mdoId}";

    public static string Editor(string mdoId) => $"editor:{mdoId}";

    public static string Case(string mdoId, string caseId) => $"case:{mdoId}:{caseId}";

    public static string Action(string mdoId, string actionId) => $"action:{mdoId}:{actionId}";

    public static string Summary(string mdoId) => $"summary:{mdoId}";

    public static string Feedback(string mdoId, string caseId) => $"feedback:{mdoId}:{caseId}";

    public static string Evaluation(string mdoId) => $"evaluation:{mdoId}";

    public static string StartPrompt(string mdoId) => $"startPrompt:{mdoId}";

    /// <summary>A chair's notice that messages could not be delivered (never reported again if it fails itself).</summary>
    public const string DeliveryNotice = "deliveryNotice";
}
