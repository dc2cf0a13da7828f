using System.Diagnostics;
using System.Text.RegularExpressions;
using MdoBot.BotFramework.Diagnostics;

namespace MdoBot.Web;

/// <summary>
/// Keeps personal data out of outgoing HTTP spans: the URL becomes scheme, host and the fixed words of
/// the path (<c>v3</c>, <c>conversations</c>, <c>users</c>, <c>sendMail</c>…); ids, mailboxes and the
/// query become <c>{id}</c> or are dropped.
/// </summary>
public static partial class HttpRedaction
{
    public static void Redact(Activity activity, Uri? uri)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return;
        }

        activity.SetTag("url.full", $"{uri.Scheme}://{uri.Authority}{RedactPath(uri.AbsolutePath)}");
    }

    public static string RedactPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/');
        return string.Join('/', segments.Select(s => s.Length == 0 || FixedWord().IsMatch(s) ? s : "{id}"));
    }

    /// <summary>Counts a 429 answer by the service that sent it.</summary>
    public static void CountThrottling(HttpResponseMessage response, string graphHost)
    {
        ArgumentNullException.ThrowIfNull(response);
        if ((int)response.StatusCode != 429)
        {
            return;
        }

        var host = response.RequestMessage?.RequestUri?.Authority;
        BotTelemetry.ThrottledBy(string.Equals(host, graphHost, StringComparison.OrdinalIgnoreCase) ? "graph" : "connector");
    }

    [GeneratedRegex("^([A-Za-z]{1,40}|v[0-9](\\.[0-9])?)$")]
    private static partial Regex FixedWord();
}
