using MdoBot.BotFramework.Hosting;
using MdoBot.Teams;
using MdoBot.Teams.Panel;
using MdoBot.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddMdoBotKeyVault();
builder.Services.AddMdoBotClock(builder.Configuration);
builder.Services.AddMdoBotStorage(builder.Configuration);
builder.Services.AddMdoBotTeams(builder.Configuration);
builder.Services.AddMdoBotMail(builder.Configuration);
builder.Services.AddMdoBotStartupValidation(builder.Configuration);
builder.Services.AddMdoBotHealth(builder.Configuration);
builder.Services.AddMdoBotTelemetry(builder.Configuration);
builder.Services.AddMdoBotPanel(builder.Configuration);

var app = builder.Build();
if (!app.ValidateMdoBotOptions())
{
    return 1;
}

await app.PrepareMdoBotAsync();
app.MapBot();
app.MapMdoBotHealth();
app.MapPanel();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so that WebApplicationFactory can host it in tests.</summary>
public partial class Program;
