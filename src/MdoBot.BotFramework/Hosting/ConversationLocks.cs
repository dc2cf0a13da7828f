namespace MdoBot.BotFramework.Hosting;

/// <summary>
/// Serializes work per conversation inside this process (turns and timers), so that handlers of
/// one conversation never race; across instances the store's optimistic versions catch races.
/// </summary>
public sealed class ConversationLocks
{
    private readonly Dictionary<string, Entry> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string conversationId, CancellationToken ct)
    {
        Entry entry;
        lock (_locks)
        {
            if (!_locks.TryGetValue(conversationId, out entry!))
            {
                entry = new Entry();
                _locks[conversationId] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(ct);
        }
        catch
        {
            Release(conversationId, entry, held: false);
            throw;
        }

        return new Releaser(() => Release(conversationId, entry, held: true));
    }

    private void Release(string conversationId, Entry entry, bool held)
    {
        if (held)
        {
            entry.Semaphore.Release();
        }

        lock (_locks)
        {
            if (--entry.Users == 0)
            {
                _locks.Remove(conversationId);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Releaser(Action release) : IDisposable
    {
        private Action? _release = release;

        public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
