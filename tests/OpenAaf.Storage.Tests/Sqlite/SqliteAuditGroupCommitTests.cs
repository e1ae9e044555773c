using Microsoft.Data.Sqlite;
using OpenAaf.Core.Auditing;
using OpenAaf.Storage.Sqlite;

namespace OpenAaf.Storage.Tests.Sqlite;

/// <summary>
/// The SQLite audit sink commits concurrent records together, and never acknowledges a record before it is
/// committed. Tests hold the writer connection with a stalled write to make the batching deterministic.
/// </summary>
public sealed class SqliteAuditGroupCommitTests : IAsyncLifetime
{
    private SqliteStores _stores = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _stores = await SqliteStores.CreateAsync(Ct);

    public ValueTask DisposeAsync() => _stores.DisposeAsync();

    [Fact]
    public async Task WritesQueuedTogether_AreCommittedInBatches_AndAllPresent()
    {
        // Arrange
        var stall = await StallWriterAsync();
        var before = _stores.SqliteAudit.Commits;

        // Act: 1,000 callers waiting at once.
        var writes = Enumerable.Range(0, 1000).Select(i => _stores.Audit.WriteAsync(Audit($"p{i}"), Ct)).ToList();
        stall.Release();
        await Task.WhenAll(writes);

        // Assert: at most one batch taken before the rest arrived, then batches of up to 256.
        var records = await _stores.ReadAuditAsync(Ct);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"p{i}").Order(), records.Select(r => r.LogonProcessId!).Order());
        Assert.InRange(_stores.SqliteAudit.Commits - before, 4, 5);
    }

    [Fact]
    public async Task Write_IsNotAcknowledged_BeforeItsRecordIsCommitted()
    {
        // Arrange
        var stall = await StallWriterAsync();

        // Act
        var write = _stores.Audit.WriteAsync(Audit("held"), Ct);
        await Task.Delay(200, Ct);
        var whileHeld = (write.IsCompleted, (await _stores.ReadAuditAsync(Ct)).Count);
        stall.Release();
        await write;

        // Assert
        Assert.Equal((false, 0), whileHeld);
        Assert.Equal("held", Assert.Single(await _stores.ReadAuditAsync(Ct)).LogonProcessId);
    }

    [Fact]
    public async Task ConcurrentCallers_FindEachAcknowledgedRecord_OnAnotherConnectionAtOnce()
    {
        // Act: each caller reads its record through the read-only pool as soon as its write returns.
        var missing = await Concurrently.RunAsync(16, async caller =>
        {
            var lost = 0;
            for (var i = 0; i < 10; i++)
            {
                var id = $"c{caller}-{i}";
                await _stores.Audit.WriteAsync(Audit(id), Ct);
                if (!(await _stores.ReadAuditAsync(Ct)).Any(r => r.LogonProcessId == id)) lost++;
            }
            return lost;
        });

        // Assert
        Assert.All(missing, lost => Assert.Equal(0, lost));
        Assert.Equal(160, (await _stores.ReadAuditAsync(Ct)).Count);
    }

    [Fact]
    public async Task Dispose_WaitsUntilQueuedRecordsAreCommitted_ThenRefusesWrites()
    {
        // Arrange
        var stall = await StallWriterAsync();
        var writes = Enumerable.Range(0, 600).Select(i => _stores.Audit.WriteAsync(Audit($"p{i}"), Ct)).ToList();

        // Act
        var disposal = _stores.SqliteAudit.DisposeAsync().AsTask();
        await Task.Delay(200, Ct);
        var disposedWhileHeld = disposal.IsCompleted;
        stall.Release();
        await disposal;
        var late = await Record.ExceptionAsync(() => _stores.Audit.WriteAsync(Audit("late"), Ct));

        // Assert
        Assert.False(disposedWhileHeld);
        Assert.All(writes, w => Assert.True(w.IsCompletedSuccessfully));
        Assert.IsType<ObjectDisposedException>(late);
        await _stores.ReopenAsync(Ct);
        Assert.Equal(600, (await _stores.ReadAuditAsync(Ct)).Count);
    }

    [Fact]
    public async Task FailedCommit_FailsEveryCallerOfTheBatch_AndLaterWritesSucceed()
    {
        // Arrange: the table refuses inserts, as a full disk or a broken file would.
        await _stores.Sqlite.WriteAsync(0, static (link, _) =>
        {
            link.Execute("CREATE TRIGGER audit_refuse BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'refused'); END;");
            return 0;
        }, Ct);

        // Act
        var failures = await Concurrently.RunAsync<Exception?>(20, i => Record.ExceptionAsync(() => _stores.Audit.WriteAsync(Audit($"lost{i}"), Ct)).AsTask());
        await _stores.Sqlite.WriteAsync(0, static (link, _) =>
        {
            link.Execute("DROP TRIGGER audit_refuse;");
            return 0;
        }, Ct);
        await _stores.Audit.WriteAsync(Audit("kept"), Ct);

        // Assert
        Assert.All(failures, e => Assert.Contains("refused", Assert.IsType<SqliteException>(e).Message));
        Assert.Equal("kept", Assert.Single(await _stores.ReadAuditAsync(Ct)).LogonProcessId);
    }

    [Fact]
    public async Task FullQueue_MakesWritersWait_AndACancelledWaitWritesNothing()
    {
        // Arrange: room for 4 queued records besides the batch the writer holds.
        await using var sink = new SqliteAuditSink(_stores.Sqlite, queueCapacity: 4, maxBatch: 2);
        var stall = await StallWriterAsync();
        var first = sink.WriteAsync(Audit("first"), Ct);
        while (sink.Queued > 0) await Task.Delay(10, Ct);   // the writer took it and waits for the connection
        var queued = Enumerable.Range(0, 4).Select(i => sink.WriteAsync(Audit($"q{i}"), Ct)).ToList();
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        // Act
        var waiting = sink.WriteAsync(Audit("cancelled"), giveUp.Token);
        await Task.Delay(200, Ct);
        var waitedForRoom = !waiting.IsCompleted && sink.Queued == 4;
        await giveUp.CancelAsync();
        var cancelled = await Record.ExceptionAsync(() => waiting);
        stall.Release();
        await Task.WhenAll([first, .. queued]);

        // Assert
        Assert.True(waitedForRoom);
        Assert.IsAssignableFrom<OperationCanceledException>(cancelled);
        Assert.Equal(["first", "q0", "q1", "q2", "q3"], (await _stores.ReadAuditAsync(Ct)).Select(r => r.LogonProcessId!));
    }

    private static AuditRecord Audit(string processId) =>
        new() { Time = Samples.T0, Action = "logon.step", Result = "OK", LogonProcessId = processId };

    /// <summary>Holds the writer connection until released, as a long write of another store would.</summary>
    private async Task<Stall> StallWriterAsync()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new ManualResetEventSlim();
        var held = Task.Run(() => _stores.Sqlite.WriteAsync(0, (_, _) =>
        {
            entered.SetResult();
            release.Wait(TimeSpan.FromSeconds(30));
            return 0;
        }, CancellationToken.None).AsTask(), Ct);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        return new Stall(release, held);
    }

    private sealed record Stall(ManualResetEventSlim Gate, Task Held)
    {
        public void Release() => Gate.Set();
    }
}
