using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using static MdoBot.Web.Tests.MeetingChat;

namespace MdoBot.Web.Tests.Security;

/// <summary>
/// <c>/api/messages</c> checks the caller before it reads the body (401 without a parse, the 256 KB limit still
/// applies), keys duplicates on conversation + activity id, and outside development mode takes signing keys over https only.
/// </summary>
public sealed class AuthFirstTests : IAsyncLifetime
{
    private BotApp _app = null!;

    public async Task InitializeAsync() => _app = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"type\":\"message\"}")]
    public async Task UnauthenticatedCaller_MalformedBody_Gets401NotA400(string body)
    {
        var before = _app.TableCounts();

        var (status, _) = await _app.PostBytesAsync(Encoding.UTF8.GetBytes(body), authorization: "Bearer abc.def.ghi");

        Assert.Equal(401, status);
        Assert.Equal(before, _app.TableCounts());
    }

    [Fact]
    public async Task UnauthenticatedCaller_OversizedChunkedBody_Gets401WithoutItBeingRead()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StreamContent(new MemoryStream(new byte[300 * 1024])) };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "abc.def.ghi");

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer abc.def.ghi")]
    public async Task DeclaredBodyOver256KB_Gets413BeforeAnything(string? authorization)
    {
        var (status, _) = await _app.PostBytesAsync(new byte[300 * 1024], authorization);

        Assert.Equal(413, status);
    }

    [Fact]
    public async Task AuthenticatedCaller_ChunkedBodyOver256KB_Gets413()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StreamContent(new MemoryStream(new byte[300 * 1024])) };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    /// <summary>The body is read into pooled buffers that grow past the first 16 KB: a long body arrives whole, declared or chunked.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task InvokeBodyOver16KB_DeclaredOrChunked_ReadWholeAndAnswered(bool chunked)
    {
        var chat = await InstalledChatAsync();
        var shortAnswer = await (await _app.PostAsync(HelpInvoke(chat, "short"))).Content.ReadAsStringAsync();
        var invoke = HelpInvoke(chat, $"long-{chunked}");
        invoke["padding"] = new string('x', 100 * 1024); // an unknown field: ignored, but it has to be read past

        using var response = await SendBodyAsync(Encoding.UTF8.GetBytes(invoke.ToJsonString()), chunked);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(shortAnswer, await response.Content.ReadAsStringAsync()); // the same answer as to the short body
    }

    [Fact]
    public async Task ChunkedBodyWithInvalidUtf8Past16KB_Gets400_NothingChanged()
    {
        var invoke = HelpInvoke(await InstalledChatAsync(), "bad-utf8");
        invoke["padding"] = new string('x', 40 * 1024) + "#";
        var body = Encoding.UTF8.GetBytes(invoke.ToJsonString());
        body[Array.IndexOf(body, (byte)'#')] = 0xFF; // never valid in UTF-8
        await _app.DrainAsync(); // the installation's welcome delivered first: the counts then change only by the request
        var before = _app.TableCounts();

        using var response = await SendBodyAsync(body, chunked: true);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, _app.TableCounts());
    }

    private async Task<MeetingChat> InstalledChatAsync()
    {
        var chat = new MeetingChat(_app);
        chat.RegisterMembers();
        await chat.InstallAsync();
        return chat;
    }

    private static System.Text.Json.Nodes.JsonObject HelpInvoke(MeetingChat chat, string activityId) =>
        chat.InvokeActivity(Chair, new System.Text.Json.Nodes.JsonObject { ["verb"] = "help.show" }, activityId);

    /// <summary>Posts <paramref name="body"/> with its length declared, or chunked (no length).</summary>
    private async Task<HttpResponseMessage> SendBodyAsync(byte[] body, bool chunked)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (chunked)
        {
            request.Headers.TransferEncodingChunked = true;
            request.Content.Headers.ContentLength = null;
        }

        return await _app.Client.SendAsync(request);
    }

    [Fact]
    public async Task InvokesActivityId_ResentAsAMessage_IsNotProcessedAgain()
    {
        var chat = new MeetingChat(_app);
        chat.RegisterMembers();
        await chat.InstallAsync();
        var invoke = chat.InvokeActivity(Chair, new System.Text.Json.Nodes.JsonObject { ["verb"] = "help.show" }, activityId: "1712345678901");
        Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(invoke)).StatusCode);
        await _app.DrainAsync();
        var before = StateSnapshot.Of(_app);

        var resent = chat.MentionMessage(Chair, "agenda", id: "1712345678901");
        Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(resent)).StatusCode);
        await _app.DrainAsync();

        Assert.Empty(before.Diff(StateSnapshot.Of(_app)));
        Assert.Equal(string.Empty, _app.MdoJson());
    }
}
