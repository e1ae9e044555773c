using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;
using OpenAaf.Storage;

namespace OpenAaf.Bench.Storage;

/// <summary>
/// The SQLite reads of one logon step, one at a time on one thread, over a database of 2,000 users with four
/// templates each: the LOCAL account by name (a hit, and the miss of an LDAP user tried in LOCAL first), the
/// lockout state, and the user's templates. Their sum against the CPU of a whole logon tells whether a cache
/// in front of them would be worth its staleness.
/// Run: <c>dotnet run -c Release --project bench/OpenAaf.Bench -- bdn --filter *StorageRead* --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class StorageReadBenchmarks
{
    private const int Users = 2000;
    private string directory = "";
    private ServiceProvider? services;
    private IUserStore users = null!;
    private ILockoutStore lockout = null!;
    private ITemplateStore templates = null!;
    private string[] userIds = [];
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        directory = Path.Combine(Path.GetTempPath(), "openaaf-bench-reads-" + Guid.NewGuid().ToString("N"));
        services = new ServiceCollection().AddOpenAafSqliteStorage($"Data Source={Path.Combine(directory, "openaaf.db")}").BuildServiceProvider();
        services.InitializeOpenAafStorageAsync().GetAwaiter().GetResult();
        users = services.GetRequiredService<IUserStore>();
        lockout = services.GetRequiredService<ILockoutStore>();
        templates = services.GetRequiredService<ITemplateStore>();
        userIds = new string[Users];
        for (var i = 0; i < Users; i++)
        {
            var local = users.UpsertLocalUserAsync(new LocalUser { ObjectId = RandomIds.NewHexId(), Name = $"user{i}", Groups = ["staff"] }, default).Result;
            userIds[i] = users.GetOrCreateUserIdAsync("00000000000000000000000000000001", local.ObjectId, local.Name, default).Result;
            foreach (var method in (string[])["PASSWORD:1", "TOTP:1", "U2F:1", "FIDO2:1"])
            {
                templates.TryAddAsync(new Template
                {
                    Id = RandomIds.NewHexId(), UserId = userIds[i], MethodId = method, Data = "{}", Secret = new byte[96],
                    LogonState = method == "TOTP:1" ? """{"last_used_step":59000000}""" : null, Created = DateTimeOffset.UtcNow,
                }, default).Wait();
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        services?.Dispose();
        System.IO.Directory.Delete(directory, recursive: true);
    }

    private int Next() => next = (next + 7919) % Users;

    [Benchmark]
    public Task<LocalUser?> LocalUserHit() => users.FindLocalUserAsync($"user{Next()}", default);

    [Benchmark]
    public Task<LocalUser?> LocalUserMiss() => users.FindLocalUserAsync($"ldap{Next()}", default);

    [Benchmark]
    public Task<LockoutState> LockoutState() => lockout.GetAsync(userIds[Next()], DateTimeOffset.UtcNow, default);

    [Benchmark]
    public Task<IReadOnlyList<Template>> TemplatesOfUser() => templates.ListAsync(userIds[Next()], default);
}
