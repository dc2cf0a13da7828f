using MdoBot.BotFramework.Mail;
using System.Text;
using System.Text.Json.Nodes;
using MdoBot.Graph.Mail;
using MdoBot.Graph.Tests.Support;
using MimeKit.Utils;

namespace MdoBot.Graph.Tests.Mail;

public sealed class GraphMailSenderShapeTests : IAsyncLifetime
{
    private readonly ListLoggerProvider _logs = new();
    private FakeGraph _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeGraph.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task SendAsync_MimeFormat_PostsBase64MultipartAlternativeToSenderMailbox()
    {
        var credential = new StaticTokenCredential();
        var options = GraphTestKit.Options(_fake);
        options.Credential = credential;
        var message = GraphTestKit.Message();

        var result = await GraphTestKit.Sender(options, TimeProvider.System, _logs).SendAsync(message, CancellationToken.None);

        Assert.Equal(MailResult.Sent, result);
        var request = Assert.Single(_fake.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v1.0/users/{GraphTestKit.SenderMailbox}/sendMail", request.Path);
        Assert.StartsWith("text/plain", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("Bearer " + StaticTokenCredential.Token, request.Authorization);
        Assert.Equal(["https://graph.microsoft.com/.default"], credential.Scopes.Distinct());

        var mime = MimeDocument.FromGraphBody(request.Body);
        Assert.Equal("ouder@example.org", mime.Headers["To"]);
        Assert.Equal("MDO-samenvatting 23-11-2026", mime.Headers["Subject"]);
        Assert.Equal("1.0", mime.Headers["MIME-Version"]);
        Assert.False(mime.Headers.ContainsKey("From")); // Exchange sets the sender mailbox
        Assert.StartsWith("multipart/alternative;", mime.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Collection(
            mime.Parts,
            text =>
            {
                Assert.Equal("text/plain; charset=utf-8", text.ContentType);
                Assert.Equal(message.TextBody, text.Content);
            },
            html =>
            {
                Assert.Equal("text/html; charset=utf-8", html.ContentType);
                Assert.Equal(message.HtmlBody, html.Content);
            });
    }

    [Fact]
    public async Task SendAsync_JsonFormat_PostsHtmlMessageNotSavedToSentItems()
    {
        var options = GraphTestKit.Options(_fake, GraphMailFormat.Json);
        var message = GraphTestKit.Message();

        var result = await GraphTestKit.Sender(options, TimeProvider.System, _logs).SendAsync(message, CancellationToken.None);

        var request = Assert.Single(_fake.Requests);
        Assert.True(result.IsSent, result + " " + request);
        Assert.Equal($"/v1.0/users/{GraphTestKit.SenderMailbox}/sendMail", request.Path);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        // The SDK writes the action parameters as "Message" and "SaveToSentItems"; Graph binds them case-insensitively.
        var json = JsonNode.Parse(request.Body, new JsonNodeOptions { PropertyNameCaseInsensitive = true })!;
        Assert.False(json["saveToSentItems"]!.GetValue<bool>());
        Assert.Equal(message.Subject, json["message"]!["subject"]!.GetValue<string>());
        Assert.Equal("html", json["message"]!["body"]!["contentType"]!.GetValue<string>());
        Assert.Equal(message.HtmlBody, json["message"]!["body"]!["content"]!.GetValue<string>());
        var recipient = Assert.Single(json["message"]!["toRecipients"]!.AsArray());
        Assert.Equal("ouder@example.org", recipient!["emailAddress"]!["address"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendAsync_NonAsciiText_IsUtf8InBothPartsAndEncodedInSubject()
    {
        var options = GraphTestKit.Options(_fake);
        var message = new MailMessage("ouder@example.org", "Uitnodiging MDO – één overleg", "<p>Één afspraak: café</p>", "Één afspraak: café");

        Assert.True((await GraphTestKit.Sender(options, TimeProvider.System, _logs).SendAsync(message, CancellationToken.None)).IsSent);

        var body = Encoding.UTF8.GetString(Convert.FromBase64String(Assert.Single(_fake.Requests).Body));
        Assert.All(body, c => Assert.True(c < 128, "MIME on the wire is 7-bit"));
        var mime = MimeDocument.FromGraphBody(Assert.Single(_fake.Requests).Body);
        Assert.Contains("=?utf-8?b?", mime.Headers["Subject"], StringComparison.OrdinalIgnoreCase); // RFC 2047 encoded-words
        Assert.Equal("Uitnodiging MDO – één overleg", Rfc2047.DecodeText(Encoding.ASCII.GetBytes(mime.Headers["Subject"])));
        Assert.Equal("Één afspraak: café", mime.Parts[0].Content);
        Assert.Equal("<p>Één afspraak: café</p>", mime.Parts[1].Content);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("ouder@example.org\r\nBcc: other@example.org")]
    [InlineData("a@example.org, b@example.org")]
    [InlineData("Ouder <ouder@example.org>")]
    public async Task SendAsync_BadRecipient_ThrowsWithoutQuotingItAndSendsNothing(string to)
    {
        var sender = GraphTestKit.Sender(GraphTestKit.Options(_fake), TimeProvider.System, _logs);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => sender.SendAsync(GraphTestKit.Message(to), CancellationToken.None));

        Assert.DoesNotContain("example.org", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task SendAsync_SubjectWithLineBreak_IsRejectedAsHeaderInjection()
    {
        var sender = GraphTestKit.Sender(GraphTestKit.Options(_fake), TimeProvider.System, _logs);
        var message = GraphTestKit.Message() with { Subject = "MDO\r\nBcc: x@example.org" };

        await Assert.ThrowsAsync<ArgumentException>(() => sender.SendAsync(message, CancellationToken.None));
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task SendAsync_Success_LogsNeitherAddressNorSubjectNorBody()
    {
        var message = GraphTestKit.Message();

        await GraphTestKit.Sender(GraphTestKit.Options(_fake), TimeProvider.System, _logs).SendAsync(message, CancellationToken.None);

        var logged = Assert.Single(_logs.Entries);
        Assert.Contains("SendMail", logged.Message, StringComparison.Ordinal);
        foreach (var text in _logs.AllText)
        {
            Assert.DoesNotContain("ouder@", text, StringComparison.Ordinal);
            Assert.DoesNotContain(GraphTestKit.SenderMailbox, text, StringComparison.Ordinal);
            Assert.DoesNotContain("MDO-samenvatting", text, StringComparison.Ordinal);
            Assert.DoesNotContain("logopedist", text, StringComparison.Ordinal);
        }
    }
}
