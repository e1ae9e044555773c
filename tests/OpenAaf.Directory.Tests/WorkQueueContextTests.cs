using Xunit;

namespace OpenAaf.Directory.Tests;

/// <summary>Directory threads belong to no request: each work item runs in its own caller's context.</summary>
public sealed class WorkQueueContextTests
{
    private static readonly AsyncLocal<string?> Caller = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_value_of_the_first_caller_is_not_seen_by_later_callers()
    {
        using var queue = new DirectoryWorkQueue(1, "context");
        // The first caller starts the directory threads while its own async-local value is set.
        var first = await Task.Run(async () =>
        {
            Caller.Value = "first request";
            return await queue.RunAsync(() => Caller.Value, Ct);
        }, Ct);
        var second = await Task.Run(() => queue.RunAsync(() => Caller.Value, Ct), Ct);
        var third = await Task.Run(async () =>
        {
            Caller.Value = "third request";
            return await queue.RunAsync(() => Caller.Value, Ct);
        }, Ct);

        Assert.Equal("first request", first);
        Assert.Null(second);
        Assert.Equal("third request", third);
    }
}
