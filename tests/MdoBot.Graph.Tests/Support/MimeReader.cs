using System.Text;

namespace MdoBot.Graph.Tests.Support;

/// <summary>Just enough of a MIME reader to check what MdoBot sends: headers and the alternative parts, decoded.</summary>
internal sealed record MimeDocument(IReadOnlyDictionary<string, string> Headers, IReadOnlyList<MimePart> Parts)
{
    public static MimeDocument FromGraphBody(string base64) => Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));

    public static MimeDocument Parse(string mime)
    {
        var (headers, body) = Split(mime);
        var contentType = headers["Content-Type"];
        var marker = "boundary=\"";
        var start = contentType.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var boundary = contentType[start..contentType.IndexOf('"', start)];
        Assert.EndsWith("--" + boundary + "--\r\n", body, StringComparison.Ordinal);
        var parts = body.Split("--" + boundary, StringSplitOptions.None)
            .Skip(1)
            .Where(p => !p.StartsWith("--", StringComparison.Ordinal))
            .Select(p =>
            {
                Assert.StartsWith("\r\n", p, StringComparison.Ordinal);
                var (partHeaders, content) = Split(p[2..]);
                Assert.Equal("base64", partHeaders["Content-Transfer-Encoding"]);
                Assert.All(content.Split("\r\n"), line => Assert.True(line.Length <= 76));
                return new MimePart(partHeaders["Content-Type"], Encoding.UTF8.GetString(Convert.FromBase64String(content.Replace("\r\n", "", StringComparison.Ordinal))));
            })
            .ToList();
        return new MimeDocument(headers, parts);
    }

    private static (Dictionary<string, string> Headers, string Body) Split(string entity)
    {
        var end = entity.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in entity[..end].Split("\r\n"))
        {
            if (line.StartsWith(' ') && last is not null)
            {
                headers[last] += line; // folded continuation
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            last = line[..colon];
            headers[last] = line[(colon + 1)..].Trim();
        }

        return (headers, entity[(end + 4)..]);
    }
}

internal sealed record MimePart(string ContentType, string Content);
