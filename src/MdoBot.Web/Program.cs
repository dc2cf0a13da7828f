using MdoBot.Teams.Hosting;
using MdoBot.Teams.Panel;
using MdoBot.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddMdoBotKeyVault();
builder.Services.AddMdoBotClock(builder.Configuration);
builder.Services.AddMdoBotStorage(builder.Configuration);
builder.Services.AddMdoBotTeams(builder.Configuration);
builder.Services.AddMdoBotMail(builder.Configuration);
builder.Services.AddMdoBotPanel(builder.Configuration);

var app = builder.Build();
await app.PrepareMdoBotAsync();
app.MapBot();
app.MapPanel();
await app.RunAsync();

/// <summary>Entry point; public so that WebApplicationFactory can host it in tests.</summary>
public partial class Program;
