using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MdoBot.Teams.Panel;

/// <summary>
/// Serves the built page (<c>/panel/…</c>) from the content folder, with a content security policy that allows only
/// MdoBot itself and Teams as the framing host. The local Teams stand-in (<c>/panel/dev/…</c>) only when enabled.
/// </summary>
public static class PanelPages
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".png"] = "image/png",
        [".svg"] = "image/svg+xml",
    };

    private const string FrameAncestors =
        "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.cloud.microsoft https://*.office.com https://*.microsoft365.com";

    public static void MapPanelPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/panel/config.js", (IOptions<PanelOptions> options) =>
            Results.Text($"window.mdobotPanel = {{ devHost: {(DevHostEnabled(options.Value) ? "true" : "false")} }};\n", Types[".js"]));
        app.MapGet("/panel/{*path}", (HttpContext http, string? path, IOptions<PanelOptions> options) => Serve(http, path, options.Value));
    }

    public static bool DevHostEnabled(PanelOptions options) => options.DevHost || options.UsesDevelopmentTokens;

    private static IResult Serve(HttpContext http, string? path, PanelOptions options)
    {
        var relative = string.IsNullOrEmpty(path) ? "index.html" : path;
        var root = Path.GetFullPath(options.ResolveContentPath());
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || !Types.TryGetValue(Path.GetExtension(full), out var type)
            || (relative.StartsWith("dev/", StringComparison.Ordinal) && !DevHostEnabled(options))
            || !File.Exists(full))
        {
            return Results.NotFound();
        }

        var headers = http.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy =
            $"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-src 'self'; frame-ancestors {FrameAncestors}";
        headers["Referrer-Policy"] = "no-referrer";
        return Results.File(full, type);
    }
}
