namespace MdoBot.Teams.Panel;

/// <summary>Configuration section <c>Panel</c>: the meeting side panel and stage view.</summary>
public sealed class PanelOptions
{
    public const string Section = "Panel";

    /// <summary>The Entra app id SSO tokens are issued for; defaults to <c>Bot:AppId</c>. Empty = development tokens.</summary>
    public string? AppId { get; set; }

    /// <summary>The <c>webApplicationInfo.resource</c> URI of the manifest (<c>api://{domain}/{appId}</c>), also accepted as audience.</summary>
    public string? Resource { get; set; }

    /// <summary>The issuer authority: tokens must carry <c>{Authority}{tid}/v2.0</c>.</summary>
    public string Authority { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>Where the tenants' OpenID metadata is read (<c>{MetadataAuthority}{tid}/v2.0/.well-known/openid-configuration</c>); defaults to <see cref="Authority"/>.</summary>
    public string? MetadataAuthority { get; set; }

    /// <summary>Serves the local Teams stand-in page (<c>/panel/dev/host.html</c>); on by itself in development mode.</summary>
    public bool DevHost { get; set; }

    /// <summary>The folder with the built page (default: <c>panel</c> beside the application).</summary>
    public string? ContentPath { get; set; }

    /// <summary>How often an open panel's MDO version is read, to see changes made by other instances.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often (real time) an open stream gets the server time again.</summary>
    public TimeSpan TimeInterval { get; set; } = TimeSpan.FromSeconds(5);

    public bool UsesDevelopmentTokens => string.IsNullOrWhiteSpace(AppId);

    public string ResolveContentPath() => ContentPath is { Length: > 0 } p ? p : Path.Combine(AppContext.BaseDirectory, "panel");
}
