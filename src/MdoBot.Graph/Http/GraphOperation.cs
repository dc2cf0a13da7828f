using Microsoft.Kiota.Abstractions;

namespace MdoBot.Graph.Http;

/// <summary>
/// Names a Graph call for logs and errors. Travels with the request as a Kiota request option,
/// which the HTTP adapter copies into <see cref="HttpRequestMessage.Options"/> under its type name.
/// </summary>
internal sealed class GraphOperation(string name) : IRequestOption
{
    public const string SendMail = "SendMail";
    public const string FindMeeting = "FindMeeting";
    public const string ListAttendanceReports = "ListAttendanceReports";
    public const string GetAttendanceReport = "GetAttendanceReport";

    private static readonly HttpRequestOptionsKey<IRequestOption> Key = new(typeof(GraphOperation).FullName!);

    public string Name { get; } = name;

    public static string Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var option) && option is GraphOperation operation ? operation.Name : "call";
}
