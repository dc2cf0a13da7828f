using System.Net;
using System.Text.Json.Nodes;

namespace MdoBot.Web.Tests;

public sealed class BadInputTests : IAsyncLifetime
{
    private BotApp _app = null!;

    public async Task InitializeAsync() => _app = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    [InlineData("\"text\"")]
    [InlineData("{\"type\": 5}")]
    public async Task Post_MalformedJson_Returns400AndChangesNothing(string body)
    {
        var before = _app.TableCounts();
        var response = await _app.PostRawAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, _app.TableCounts());
    }

    [Theory]
    [InlineData("type")]
    [InlineData("conversation")]
    [InlineData("serviceUrl")]
    public async Task Post_MissingRequiredField_Returns400AndChangesNothing(string field)
    {
        var activity = _app.Fixture("personal-conversationUpdate");
        activity.Remove(field);
        var before = _app.TableCounts();

        var response = await _app.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, _app.TableCounts());
    }

    [Fact]
    public async Task Post_ServiceUrlNotHttp_Returns400()
    {
        var activity = _app.Fixture("personal-message");
        activity["serviceUrl"] = "file:///etc/passwd";
        var response = await _app.PostAsync(activity);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOver256KB_Returns413AndChangesNothing()
    {
        var activity = _app.Fixture("personal-message");
        activity["text"] = new string('a', 300 * 1024);
        var before = _app.TableCounts();

        var response = await _app.PostAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, _app.TableCounts());
    }

    [Fact]
    public async Task Post_UnknownActivityType_AcknowledgedAndIgnored()
    {
        var activity = _app.Fixture("personal-message");
        activity["type"] = "somethingNew";
        var response = await _app.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(_app.Connector.Calls, c => c.Kind == "send");
    }

    [Fact]
    public async Task Invoke_UnknownName_Returns501()
    {
        var activity = _app.Fixture("personal-invoke-adaptiveCardAction");
        activity["name"] = "composeExtension/query";
        var response = await _app.PostAsync(activity);
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Invoke_UnknownVerb_AnsweredWithCardError()
    {
        var response = await _app.PostAsync(_app.Fixture("personal-invoke-adaptiveCardAction"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("application/vnd.microsoft.error", (string?)body!["type"]);
        Assert.Equal(400, (int?)body["statusCode"]);
    }

    [Fact]
    public async Task Invoke_HelpVerb_AnsweredWithMessageAndCardPosted()
    {
        var activity = _app.Fixture("personal-invoke-adaptiveCardAction");
        activity["value"]!["action"]!["verb"] = "help.show";
        var response = await _app.PostAsync(activity);
        var body = await response.JsonAsync();
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body!["type"]);
        await _app.Connector.WaitForAsync(c => c.Title == "MdoBot commands");
    }

    [Fact]
    public async Task Post_TokenInDevelopmentMode_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(_app.Fixture("personal-message").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "abc.def.ghi");
        var before = _app.TableCounts();
        var response = await _app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, _app.TableCounts());
    }

    [Fact]
    public async Task Health_Endpoints_Answer()
    {
        Assert.Equal(HttpStatusCode.OK, (await _app.Client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.Client.GetAsync("/readyz")).StatusCode);
        _ = JsonNode.Parse("{}");
    }
}
