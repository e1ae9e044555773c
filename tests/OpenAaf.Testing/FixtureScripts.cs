using System.Diagnostics;

namespace OpenAaf.Testing;

/// <summary>Finds and runs the shell scripts under <c>tests/fixtures</c>.</summary>
public static class FixtureScripts
{
    public const string InstallHint =
        "Install the directory servers with `sudo bash tests/install-test-deps.sh` (the project's test command runs it).";

    /// <summary>The repository's <c>tests</c> folder, found upwards from the test assembly.</summary>
    public static string TestsDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "fixtures");
                if (File.Exists(Path.Combine(candidate, "slapd-test.sh"))) return Path.Combine(dir.FullName, "tests");
            }
            throw new InvalidOperationException($"tests/fixtures not found above {AppContext.BaseDirectory}.");
        }
    }

    public static string Script(string name) => Path.Combine(TestsDirectory, "fixtures", name);

    /// <summary>Fails with the install hint when a server binary is missing.</summary>
    public static void RequireBinaries(params string[] names)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "") + ":/usr/sbin:/sbin";
        var missing = names.Where(n => !path.Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, n)))).ToArray();
        if (missing.Length > 0)
            throw new InvalidOperationException($"Missing {string.Join(", ", missing)}. {InstallHint}");
    }

    /// <summary>Runs a script with bash; returns trimmed stdout, throws with stderr on failure.</summary>
    public static async Task<string> RunAsync(string script, IEnumerable<string> arguments, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {script}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(script)} did not finish within {timeout}.");
        }
        var output = (await stdout).Trim();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(script)} {string.Join(' ', start.ArgumentList.Skip(1))} failed (exit {process.ExitCode}): {(await stderr).Trim()} {output}");
        return output;
    }
}
