using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Configuration;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Hotp;
using OpenAaf.Core.Methods.Otp;
using OpenAaf.Core.Methods.Totp;
using OpenAaf.Core.Policies;
using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;
using OpenAaf.Storage.Sqlite;

namespace OpenAaf.Storage.Tests.Sqlite;

/// <summary>
/// A database of schema 1, whose sealed OTP payloads still carry their counters, is migrated at start and
/// logged on with: the sealed counter keeps refusing old codes, the first logon moves the counter into the
/// template's logon state without sealing again, and the replay stays refused after a restart.
/// </summary>
public sealed class SqliteTemplateLogonStateMigrationTests : IAsyncLifetime
{
    private const string UserId = "a8e32d86c69871a507f45b2e64976138";
    private const string TotpId = "00000000000000000000000000000a01";
    private const string HotpId = "00000000000000000000000000000a02";
    // RFC 4226 Appendix D / RFC 6238 Appendix B seed.
    private static readonly byte[] Seed = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly TemplateSecrets Secrets = new(new SecretProtector(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()));

    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(89));   // TOTP step 2
    private SqliteStores _stores = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _stores = await SqliteStores.CreateAsync(Ct, WriteSchemaOneDatabase);

    public ValueTask DisposeAsync() => _stores.DisposeAsync();

    [Fact]
    public async Task Start_MigratesToTheLatestSchema_AndKeepsTheSealedBytes()
    {
        // Act
        var totp = await _stores.Templates.GetAsync(TotpId, Ct);

        // Assert
        var latest = SqliteSchema.Migrations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(latest, await _stores.Database.GetMetaAsync(SqliteSchema.SchemaVersionKey, Ct));
        Assert.Null(totp!.LogonState);
        Assert.Equal(7, totp.Version);
        Assert.Equal(1, TotpSecret.Open(Secrets, totp).LastUsedStep);
    }

    [Fact]
    public async Task Totp_OldTemplate_RefusesItsUsedStep_AcceptsTheNext_AndRefusesItsReplayAfterARestart()
    {
        // Arrange
        var before = (await _stores.Templates.GetAsync(TotpId, Ct))!;

        // Act
        var used = await LogOnAsync(new TotpMethod(), Totp(1));
        var fresh = await LogOnAsync(new TotpMethod(), Totp(2));
        await _stores.ReopenAsync(Ct);
        var replay = await LogOnAsync(new TotpMethod(), Totp(2));

        // Assert
        Assert.Equal(OtpOutcomes.OtpAlreadyUsed, Assert.IsType<MethodStep.Failed>(used).Outcome);
        Assert.IsType<MethodStep.Passed>(fresh);
        Assert.Equal(OtpOutcomes.OtpAlreadyUsed, Assert.IsType<MethodStep.Failed>(replay).Outcome);
        var after = (await _stores.Templates.GetAsync(TotpId, Ct))!;
        Assert.Equal(before.Secret, after.Secret);
        Assert.Equal("""{"last_used_step":2}""", after.LogonState);
        Assert.Equal(before.Version + 1, after.Version);
    }

    [Fact]
    public async Task Hotp_OldTemplate_RefusesCodesBelowItsSealedCounter_AndTheUsedCodeStaysRefused()
    {
        // Arrange
        var before = (await _stores.Templates.GetAsync(HotpId, Ct))!;

        // Act: RFC 4226 codes of counters 4 (below the sealed counter 5) and 5.
        var behind = await LogOnAsync(new HotpMethod(), "338314");
        var fresh = await LogOnAsync(new HotpMethod(), "254676");
        await _stores.ReopenAsync(Ct);
        var replay = await LogOnAsync(new HotpMethod(), "254676");
        var next = await LogOnAsync(new HotpMethod(), "287922");

        // Assert
        Assert.Equal(OtpOutcomes.OtpWrong, Assert.IsType<MethodStep.Failed>(behind).Outcome);
        Assert.IsType<MethodStep.Passed>(fresh);
        Assert.Equal(OtpOutcomes.OtpWrong, Assert.IsType<MethodStep.Failed>(replay).Outcome);
        Assert.IsType<MethodStep.Passed>(next);
        var after = (await _stores.Templates.GetAsync(HotpId, Ct))!;
        Assert.Equal(before.Secret, after.Secret);
        Assert.Equal(7, HotpSecret.Open(Secrets, after).Counter);
    }

    [Fact]
    public async Task ParallelLogons_WithTheSameFreshCode_OnAnOldTemplate_ExactlyOnePasses()
    {
        // Arrange: every request reads the template before any of them saves.
        var read = await _stores.Templates.ListAsync(UserId, Ct);

        // Act
        var steps = await Concurrently.RunAsync(8, _ => LogOnAsync(new TotpMethod(), Totp(2), read));

        // Assert
        Assert.Single(steps, s => s is MethodStep.Passed);
        Assert.All(steps.Where(s => s is not MethodStep.Passed), s => Assert.Equal(OtpOutcomes.OtpAlreadyUsed, Assert.IsType<MethodStep.Failed>(s).Outcome));
    }

    private string Totp(long step) => OtpCalculator.Compute(Seed, step, 6);

    /// <summary>One logon step as LogonEngine commits it: the method's verdict, then its counter with compare-and-set.</summary>
    private async Task<MethodStep> LogOnAsync(IAuthenticationMethod method, string answer, IReadOnlyList<Template>? read = null)
    {
        var templates = (read ?? await _stores.Templates.ListAsync(UserId, Ct)).Where(t => t.MethodId == method.Id).ToList();
        var context = new MethodContext
        {
            User = new AuthenticatedUser
            {
                UserId = UserId, RepositoryId = "00000000000000000000000000000001",
                Account = new DirectoryUser { RepositoryName = "LOCAL", LoginName = "alice", ObjectId = "o1" },
            },
            Templates = templates, Configuration = ConfigurationSnapshot.Empty, Time = _time, Secrets = Secrets,
        };
        var step = await method.AnswerAsync(context, new MethodInput(System.Text.Json.JsonSerializer.SerializeToElement(new { answer })), Ct);
        if (step is MethodStep.Passed { UpdatedTemplate: { } updated } passed &&
            !await _stores.Templates.TryUpdateAsync(updated, passed.Template.Version, Ct) && passed.ConflictOutcome is { } conflict)
            return new MethodStep.Failed(conflict);
        return step;
    }

    /// <summary>Schema 1 exactly as it shipped, with OTP payloads in their sealed layout of that time, counters inside.</summary>
    private static void WriteSchemaOneDatabase(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = SqliteSchema.CreateMeta + SqliteSchema.Migrations[0] +
            "INSERT INTO meta (key, value) VALUES ('schema_version', '1');" +
            "INSERT INTO template (id, user_id, method_id, category_id, comment, data, secret, auto_created, created, version) VALUES " +
            "($totp, $user, 'TOTP:1', '', 'phone', '{}', $totpSecret, 0, 0, 7), ($hotp, $user, 'HOTP:1', '', 'token', '{}', $hotpSecret, 0, 0, 3);";
        var seed = Convert.ToBase64String(Seed);
        command.Parameters.AddWithValue("$totp", TotpId);
        command.Parameters.AddWithValue("$hotp", HotpId);
        command.Parameters.AddWithValue("$user", UserId);
        command.Parameters.AddWithValue("$totpSecret", Seal("TOTP:1", $$"""{"secret":"{{seed}}","digits":6,"period":30,"last_used_step":1}"""));
        command.Parameters.AddWithValue("$hotpSecret", Seal("HOTP:1", $$"""{"secret":"{{seed}}","digits":6,"counter":5}"""));
        command.ExecuteNonQuery();
    }

    private static byte[] Seal(string methodId, string json) => Secrets.Seal(UserId, methodId, Encoding.UTF8.GetBytes(json));
}
