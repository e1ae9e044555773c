using System.Diagnostics;
using OpenAaf.Core.Sessions;

namespace OpenAaf.Storage.Tests.Contracts;

public abstract class ObjectLockContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract IObjectLock CreateLock();

    /// <summary>Checks that nothing is kept for keys nobody holds or waits for.</summary>
    protected abstract void AssertNothingRetained(IObjectLock objectLock);

    [Fact]
    public async Task TryAcquire_HeldKey_ReturnsNullAfterTimeout()
    {
        // Arrange
        var locks = CreateLock();
        await using var held = await locks.TryAcquireAsync("p1", TimeSpan.FromSeconds(5), Ct);
        var watch = Stopwatch.StartNew();

        // Act
        var second = await locks.TryAcquireAsync("p1", TimeSpan.FromMilliseconds(200), Ct);

        // Assert
        Assert.NotNull(held);
        Assert.Null(second);
        Assert.InRange(watch.ElapsedMilliseconds, 150, 5000);
    }

    [Fact]
    public async Task TryAcquire_OtherKey_IsNotBlocked()
    {
        // Arrange
        var locks = CreateLock();
        await using var held = await locks.TryAcquireAsync("p1", TimeSpan.Zero, Ct);

        // Act
        await using var other = await locks.TryAcquireAsync("p2", TimeSpan.Zero, Ct);

        // Assert
        Assert.NotNull(held);
        Assert.NotNull(other);
    }

    [Fact]
    public async Task TryAcquire_WaiterGetsTheLockWhenReleased()
    {
        // Arrange
        var locks = CreateLock();
        var held = await locks.TryAcquireAsync("p1", TimeSpan.Zero, Ct);
        var waiter = locks.TryAcquireAsync("p1", TimeSpan.FromSeconds(5), Ct).AsTask();
        await Task.Delay(50, Ct);
        Assert.False(waiter.IsCompleted);

        // Act
        await held!.DisposeAsync();
        var acquired = await waiter;

        // Assert
        Assert.NotNull(acquired);
        await acquired.DisposeAsync();
        AssertNothingRetained(locks);
    }

    [Fact]
    public async Task Dispose_Twice_DoesNotReleaseTheNextHolder()
    {
        // Arrange
        var locks = CreateLock();
        var first = await locks.TryAcquireAsync("p1", TimeSpan.Zero, Ct);
        await first!.DisposeAsync();
        var second = await locks.TryAcquireAsync("p1", TimeSpan.Zero, Ct);

        // Act
        await first.DisposeAsync();
        var third = await locks.TryAcquireAsync("p1", TimeSpan.Zero, Ct);

        // Assert
        Assert.NotNull(second);
        Assert.Null(third);
        await second.DisposeAsync();
        AssertNothingRetained(locks);
    }

    [Fact]
    public async Task TryAcquire_Cancelled_ThrowsAndLeavesTheLockUsable()
    {
        // Arrange
        var locks = CreateLock();
        var held = await locks.TryAcquireAsync("p1", TimeSpan.Zero, Ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var waiter = locks.TryAcquireAsync("p1", TimeSpan.FromSeconds(30), cancel.Token).AsTask();

        // Act
        await cancel.CancelAsync();
        var error = await Record.ExceptionAsync(() => waiter);
        await held!.DisposeAsync();

        // Assert
        Assert.IsAssignableFrom<OperationCanceledException>(error);
        AssertNothingRetained(locks);
        await using var again = await locks.TryAcquireAsync("p1", TimeSpan.Zero, Ct);
        Assert.NotNull(again);
    }

    [Fact]
    public async Task TryAcquire_UnderContention_IsMutuallyExclusive()
    {
        // Arrange
        var locks = CreateLock();
        var counter = 0;
        var inside = 0;
        var maxInside = 0;

        // Act: a read-yield-write increment is only exact if no two holders overlap.
        await Concurrently.RunAsync(32, async _ =>
        {
            for (var i = 0; i < 25; i++)
            {
                await using var handle = await locks.TryAcquireAsync("p1", TimeSpan.FromSeconds(30), Ct);
                Assert.NotNull(handle);
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref maxInside, now);
                var read = counter;
                await Task.Yield();
                counter = read + 1;
                Interlocked.Decrement(ref inside);
            }
            return 0;
        });

        // Assert
        Assert.Equal(32 * 25, counter);
        Assert.Equal(1, maxInside);
        AssertNothingRetained(locks);
    }

    [Fact]
    public async Task TryAcquire_ManyKeysWithTimeouts_RetainsNothingAfterwards()
    {
        // Arrange
        var locks = CreateLock();

        // Act
        await Concurrently.RunAsync(64, async i =>
        {
            await using var handle = await locks.TryAcquireAsync($"k{i % 8}", TimeSpan.FromMilliseconds(i % 3 == 0 ? 0 : 1000), Ct);
            await Task.Delay(1, Ct);
            return handle is not null;
        });

        // Assert
        AssertNothingRetained(locks);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }
}
