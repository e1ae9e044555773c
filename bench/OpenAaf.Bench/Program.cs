using OpenAaf.Bench.Load;

return args.FirstOrDefault() switch
{
    "ldap-binds" => LdapBindCommand.Run(args[1..]),
    "logon-load" => await LogonLoadCommand.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: OpenAaf.Bench (ldap-binds|logon-load) [--option value ...]");
    return 2;
}
