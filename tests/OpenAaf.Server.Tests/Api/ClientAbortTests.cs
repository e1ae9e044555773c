using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Security;
using OpenAaf.Server.Tests.Support;

namespace OpenAaf.Server.Tests.Api;

/// <summary>
/// A client that disconnects while its wrong password is being checked is counted and audited all the same: the verdict
/// is committed whatever the client does (issue 7, defect 1). Real Kestrel, real sockets, real SQLite.
/// </summary>
public sealed class ClientAbortTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ClientAbortsWhileItsWrongPasswordIsChecked_TheFailureIsCountedAndAudited()
    {
        var verifying = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var serverSawTheAbort = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new KestrelServer(OpenAafFactory.WithLocalUsers(), services => services.DecorateMethods(m =>
            m.Id != MethodIds.Password ? m : new InterceptedMethod(m, async (_, ct) =>
            {
                verifying.TrySetResult();
                try
                {
                    await Task.Delay(Patience, ct);
                    serverSawTheAbort.TrySetResult(false);
                }
                catch (OperationCanceledException)
                {
                    serverSawTheAbort.TrySetResult(true);
                }
            }, finishesAfterCancel: true)));
        var session = await server.Api.NewEndpointSessionAsync();
        var (_, started) = await server.Api.StartLogonAsync(session, "alice");
        var processId = started.GetProperty("logon_process_id").GetString()!;
        using var client = new CancellationTokenSource();

        var request = server.Http.PostAsync($"/api/v1/logon/{processId}/do_logon", new StringContent(
            JsonSerializer.Serialize(new { response = new { answer = "wrong" }, endpoint_session_id = session }), Encoding.UTF8, "application/json"),
            client.Token);
        await verifying.Task.WaitAsync(Patience);
        await client.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        var sawAbort = await serverSawTheAbort.Task.WaitAsync(Patience);
        var audited = await WaitForAuditAsync(server.Factory, processId, "logon.step");
        var failures = (await server.Services.GetRequiredService<ILockoutStore>().GetAsync(audited.UserId, DateTimeOffset.UtcNow, default)).Failures;
        var (afterwards, _) = await server.Api.AnswerAsync(session, processId, "Al1ce!pass");

        Assert.True(sawAbort);
        Assert.Equal(("FAILED", "PASSWORD_WRONG"), (audited.Result, audited.Reason));
        Assert.Equal(1, failures);
        Assert.Equal((HttpStatusCode)444, afterwards);
    }

    private sealed record AuditRow(string Action, string Result, string Reason, string UserId);

    /// <summary>The audit record of <paramref name="action"/> for the process, once the server has written it.</summary>
    private static async Task<AuditRow> WaitForAuditAsync(OpenAafFactory factory, string processId, string action)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            using (var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "openaaf.db")};Mode=ReadOnly;Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT result, reason, user_id FROM audit WHERE logon_process_id = $id AND action = $action";
                command.Parameters.AddWithValue("$id", processId);
                command.Parameters.AddWithValue("$action", action);
                using var reader = command.ExecuteReader();
                if (reader.Read()) return new AuditRow(action, reader.GetString(0), reader.GetString(1), reader.GetString(2));
            }
            Assert.True(DateTime.UtcNow < deadline, $"no {action} audit record for the process");
            await Task.Delay(50);
        }
    }
}
