using System.Text;
using MdoBot.BotFramework.Mail;
using MdoBot.Graph.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace MdoBot.Graph.Mail;

/// <summary>
/// Sends through <c>POST /users/{sender}/sendMail</c> with the Graph SDK, as MIME (default: true
/// multipart/alternative) or JSON (HTML only, not saved to Sent Items); see <see cref="GraphMailFormat"/>.
/// </summary>
internal sealed class GraphMailSender(GraphServiceClient client, GraphOptions options, ILogger<GraphMailSender> logger) : IMailSender
{
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    public async Task<MailResult> SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var to = MailValidation.Validate(message);
        try
        {
            await GraphCall.RunAsync(GraphOperation.SendMail, logger, async () =>
            {
                var send = options.MailFormat == GraphMailFormat.Json
                    ? SendJsonAsync(to, message, cancellationToken)
                    : SendMimeAsync(to, message, cancellationToken);
                await send.ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (GraphUnavailableException e)
        {
            return new MailResult(MailOutcome.Unavailable, e.Reason, e.StatusCode, e.ErrorCode);
        }
        catch (GraphRequestFailedException e)
        {
            return new MailResult(MailOutcome.Failed, e.Reason, e.StatusCode, e.ErrorCode);
        }

        GraphLog.MailSent(logger, GraphOperation.SendMail, options.MailFormat.ToString());
        return MailResult.Sent;
    }

    private Task SendJsonAsync(string to, MailMessage message, CancellationToken cancellationToken)
    {
        var body = new SendMailPostRequestBody
        {
            Message = new Message
            {
                Subject = message.Subject,
                Body = new ItemBody { ContentType = BodyType.Html, Content = message.HtmlBody },
                ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = to } }],
            },
            SaveToSentItems = false,
        };
        return client.Users[options.SenderMailbox].SendMail.PostAsync(
            body, request => request.Options.Add(new GraphOperation(GraphOperation.SendMail)), cancellationToken);
    }

    private Task SendMimeAsync(string to, MailMessage message, CancellationToken cancellationToken)
    {
        // The SDK has no MIME overload: take its request (URL, path parameters) and swap the body.
        var request = client.Users[options.SenderMailbox].SendMail.ToPostRequestInformation(new SendMailPostRequestBody());
        var payload = MimeMessageWriter.ToGraphPayload(MimeMessageWriter.Write(to, message));
        request.Headers.Remove("Content-Type");
        request.SetStreamContent(new MemoryStream(Encoding.ASCII.GetBytes(payload)), "text/plain");
        request.AddRequestOptions([new GraphOperation(GraphOperation.SendMail)]);
        return client.RequestAdapter.SendNoContentAsync(request, ErrorMapping, cancellationToken);
    }
}
