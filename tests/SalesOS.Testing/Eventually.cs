namespace SalesOS.Testing;

/// <summary>Polls until a condition holds or a bounded time runs out, for effects that arrive asynchronously.</summary>
public static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        T last;
        Exception? lastError = null;
        while (true)
        {
            try
            {
                last = await read();
                if (done(last))
                {
                    return last;
                }
            }
            catch (Exception e) when (DateTime.UtcNow < deadline)
            {
                lastError = e;
                last = default!;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0}s for {what}; last value: {last}", lastError);
            }

            await Task.Delay(200);
        }
    }
}
