namespace MdoBot.Domain.Tests.Feedback;

internal static class FeedbackAssert
{
    /// <summary>No "null", no unfilled {0}, no label left without content.</summary>
    public static void NoPlaceholders(string text)
    {
        Assert.DoesNotContain("null", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
        Assert.All(text.Split('\n'), line => Assert.False(line.TrimEnd().EndsWith(':'), line));
    }
}
