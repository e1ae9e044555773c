using System.Text.RegularExpressions;
using OpenAaf.Testing;

namespace OpenAaf.Directory.Tests;

/// <summary>
/// slapd's own account of what each connection did (its <c>stats</c> log): which DN every bind
/// named and what it answered, and every search, in order per connection. Lets the tests see
/// under which identity each operation really ran.
/// </summary>
internal sealed partial class SlapdOperationLog
{
    public sealed record Event(int Connection, int Operation, string Kind, string? Dn, int? Result);

    private SlapdOperationLog(IReadOnlyList<Event> events) => Events = events;

    public IReadOnlyList<Event> Events { get; }

    /// <summary>Reads the log once at least <paramref name="bindResults"/> bind results are in it (slapd writes asynchronously).</summary>
    public static async Task<SlapdOperationLog> ReadAsync(SlapdFixture slapd, int bindResults)
    {
        for (var attempt = 0; ; attempt++)
        {
            var log = Parse(await ReadSharedAsync(slapd.LogPath));
            if (log.Events.Count(e => e.Kind == "BIND-RESULT") >= bindResults || attempt >= 50) return log;
            await Task.Delay(100);
        }
    }

    private static async Task<string> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private static SlapdOperationLog Parse(string text)
    {
        var events = new List<Event>();
        foreach (Match m in Line().Matches(text))
        {
            var connection = int.Parse(m.Groups["conn"].Value);
            var operation = int.Parse(m.Groups["op"].Value);
            if (m.Groups["bind"].Success) events.Add(new Event(connection, operation, "BIND", m.Groups["bind"].Value, null));
            else if (m.Groups["err"].Success) events.Add(new Event(connection, operation, "BIND-RESULT", null, int.Parse(m.Groups["err"].Value)));
            else events.Add(new Event(connection, operation, "SRCH", null, null));
        }
        return new SlapdOperationLog(events);
    }

    /// <summary>
    /// Connections of the directory under test, by connection: those of the fixture's own tools
    /// (anonymous and administrator binds of ldapsearch, ldapadd, ldappasswd) are left out.
    /// </summary>
    public IEnumerable<IGrouping<int, Event>> ByConnection => Events.GroupBy(e => e.Connection)
        .Where(c => !c.Any(e => e.Kind == "BIND" && (e.Dn == "" || string.Equals(e.Dn, SlapdFixture.AdminDn, StringComparison.OrdinalIgnoreCase))));

    /// <summary>
    /// Every violation of: a search runs only while the connection is bound as <paramref name="serviceDn"/>;
    /// a connection that carried a user bind never carries a search; no bind starts on a connection while
    /// another bind on it is unanswered.
    /// </summary>
    public List<string> Violations(string serviceDn)
    {
        var problems = new List<string>();
        foreach (var connection in ByConnection)
        {
            string? identity = null;   // anonymous until a bind succeeds
            string? pendingDn = null;
            var carriedUserBind = false;
            foreach (var e in connection)
            {
                switch (e.Kind)
                {
                    case "BIND":
                        if (pendingDn is not null) problems.Add($"conn={e.Connection} op={e.Operation}: bind while a bind is unanswered");
                        pendingDn = e.Dn;
                        if (!string.Equals(e.Dn, serviceDn, StringComparison.OrdinalIgnoreCase)) carriedUserBind = true;
                        break;
                    case "BIND-RESULT":
                        identity = e.Result == 0 ? pendingDn : null; // a failed bind leaves the connection anonymous
                        pendingDn = null;
                        break;
                    case "SRCH":
                        if (carriedUserBind) problems.Add($"conn={e.Connection} op={e.Operation}: search on a connection used for user binds");
                        if (!string.Equals(identity, serviceDn, StringComparison.OrdinalIgnoreCase))
                            problems.Add($"conn={e.Connection} op={e.Operation}: search as '{identity ?? "anonymous"}'");
                        break;
                }
            }
        }
        return problems;
    }

    /// <summary>The most user binds any one connection carried.</summary>
    public int MostUserBindsOnOneConnection(string serviceDn) =>
        ByConnection.Select(c => c.Count(e => e.Kind == "BIND" && !string.Equals(e.Dn, serviceDn, StringComparison.OrdinalIgnoreCase)))
            .DefaultIfEmpty(0).Max();

    [GeneratedRegex("""conn=(?<conn>\d+) op=(?<op>\d+) (?:BIND dn="(?<bind>[^"]*)" method=|RESULT tag=97 err=(?<err>\d+)|SRCH base=)""")]
    private static partial Regex Line();
}
