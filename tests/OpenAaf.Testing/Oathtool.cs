using System.Diagnostics;
using System.Globalization;

namespace OpenAaf.Testing;

/// <summary>
/// The OATH Toolkit's <c>oathtool</c> (Debian package <c>oathtool</c>) as the independent code generator:
/// codes the tests did not compute with the code under test.
/// </summary>
public static class Oathtool
{
    private const string Hint = "oathtool is not installed: run `bash tests/install-test-deps.sh` as root (Debian package oathtool).";

    /// <summary><c>oathtool --totp=ALG -s 30 --now @UNIX -d DIGITS HEX</c>.</summary>
    public static Task<string> TotpAsync(string hexSeed, long unixSeconds, string algorithm = "sha1", int digits = 6, int period = 30) =>
        RunAsync($"--totp={algorithm}", "-s", period.ToString(CultureInfo.InvariantCulture), "--now",
            "@" + unixSeconds.ToString(CultureInfo.InvariantCulture), "-d", digits.ToString(CultureInfo.InvariantCulture), hexSeed);

    /// <summary><c>oathtool -b --totp --now @UNIX BASE32</c>: the seed as an authenticator app receives it.</summary>
    public static Task<string> TotpBase32Async(string base32Seed, long unixSeconds) =>
        RunAsync("-b", "--totp", "-s", "30", "--now", "@" + unixSeconds.ToString(CultureInfo.InvariantCulture), base32Seed);

    /// <summary><c>oathtool -c COUNTER -d DIGITS HEX</c> (HOTP is oathtool's default mode).</summary>
    public static Task<string> HotpAsync(string hexSeed, long counter, int digits = 6) =>
        RunAsync("-c", counter.ToString(CultureInfo.InvariantCulture), "-d", digits.ToString(CultureInfo.InvariantCulture), hexSeed);

    private static async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("oathtool") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException(Hint);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(Hint, e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"oathtool {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
            return (await stdout).Trim();
        }
    }
}
