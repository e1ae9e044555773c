using System.Diagnostics;
using System.Text.Json.Nodes;

namespace OpenAaf.Testing;

/// <summary>
/// The Debian software U2F token (Authen::U2F::Tester) through <c>tests/fixtures/u2f-tester.pl</c>. Its key
/// material lives in a temporary directory removed on dispose. Every call is a new Perl process, whose
/// signature counter starts again at 1: <see cref="SignAsync"/> with several challenges signs them in one
/// process (counters 1, 2, …); two calls behave like a cloned key.
/// </summary>
public sealed class SoftwareU2fToken : IDisposable
{
    private const string InstallHint =
        "The U2F tests need the Debian package libauthen-u2f-tester-perl: run `sudo bash tests/install-test-deps.sh`.";

    private static readonly Lazy<string> Script = new(FindScript);

    public string KeyDirectory { get; } = System.IO.Directory.CreateTempSubdirectory("openaaf-u2f-token-").FullName;

    /// <summary>The token's self-signed attestation certificate (exists after the first call).</summary>
    public string CertificatePem => File.ReadAllText(Path.Combine(KeyDirectory, "cert.pem"));

    /// <summary>A U2F RegisterResponse, or <c>{"errorCode": 4}</c> when one of <paramref name="registeredKeyHandles"/> is this token's.</summary>
    public async Task<JsonObject> RegisterAsync(string appId, string challenge, params string[] registeredKeyHandles) =>
        (await RunAsync(["reg", appId, challenge, .. registeredKeyHandles]))[0];

    /// <summary>One SignResponse per challenge, all from one process.</summary>
    public Task<IReadOnlyList<JsonObject>> SignAsync(string appId, string keyHandle, params string[] challenges) =>
        RunAsync(["sign", appId, keyHandle, .. challenges]);

    private async Task<IReadOnlyList<JsonObject>> RunAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("perl")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Script.Value);
        start.ArgumentList.Add(KeyDirectory);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start perl. " + InstallHint);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("u2f-tester.pl did not finish within 60 s.");
        }
        var errors = await stderr;
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"u2f-tester.pl failed (exit {process.ExitCode}): {errors.Trim()}" + (errors.Contains("Can't locate") ? " " + InstallHint : ""));
        return (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
    }

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "u2f-tester.pl");
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException($"tests/fixtures/u2f-tester.pl not found above {AppContext.BaseDirectory}.");
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(KeyDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory holds only a throw-away test key.
        }
    }
}
