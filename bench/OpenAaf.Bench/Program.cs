using BenchmarkDotNet.Running;
using OpenAaf.Bench.Fingerprint;

// Small dispatcher: each command lives in its own folder. "bdn" hands the rest to BenchmarkDotNet.
var commands = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    ["fingerprint"] = FingerprintCommand.Run,
    ["bdn"] = rest =>
    {
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest);
        return 0;
    },
};

if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.Error.WriteLine($"usage: OpenAaf.Bench <{string.Join('|', commands.Keys)}> [arguments]");
    return 2;
}

return command(args[1..]);
