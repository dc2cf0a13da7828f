using System.Diagnostics;

namespace MdoBot.Bench;

/// <summary>Waits until a process the bench started answers 2xx on a URL (polling every 100 ms), or fails with its output's tail.</summary>
internal static class Readiness
{
    public static async Task WaitAsync(Process process, Uri url, string name, TimeSpan limit, Func<string> tail, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited at start:\n{tail()}");
            }

            try
            {
                using var r = await http.GetAsync(url, ct);
                if (r.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            await Task.Delay(100, ct); // a real process starting up: real time, not a test clock
        }

        throw new TimeoutException($"{name} did not answer within {limit.TotalSeconds:0} s:\n{tail()}");
    }
}
