namespace OpenAaf.Storage.Tests;

internal static class Concurrently
{
    /// <summary>Starts <paramref name="count"/> calls on the thread pool, released together, and awaits them all.</summary>
    public static async Task<T[]> RunAsync<T>(int count, Func<int, Task<T>> call)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await call(i);
        })).ToArray();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }
}
