using BenchmarkDotNet.Running;
using OpenAaf.Bench.Fingerprint;
using OpenAaf.Bench.Load;

// Dispatcher only: each command lives in its own folder (README.md).
return args.FirstOrDefault() switch
{
    "fingerprint" => FingerprintCommand.Run(args[1..]),
    "ldap-binds" => LdapBindCommand.Run(args[1..]),
    "logon-load" => await LogonLoadCommand.RunAsync(args[1..]),
    "storage-reads" => await OpenAaf.Bench.Storage.StorageReadsCommand.RunAsync(args[1..]),
    "two-factor-load" => await TwoFactorLoadCommand.RunAsync(args[1..]),
    "directory-binds" => await DirectoryBindCommand.RunAsync(args[1..]),
    "bdn" => RunBenchmarkDotNet(args[1..]),
    _ => Usage(),
};

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(FingerprintCommand).Assembly).Run(args);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: OpenAaf.Bench (fingerprint DIR | ldap-binds | directory-binds | logon-load | two-factor-load | storage-reads | bdn) [--option value ...]");
    return 2;
}
