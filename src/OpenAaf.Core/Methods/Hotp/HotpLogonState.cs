namespace OpenAaf.Core.Methods.Hotp;

/// <summary>What a HOTP:1 logon changes (methods.md §6.1 step 3): the next counter value expected, kept outside the sealed secret.</summary>
public sealed record HotpLogonState(long Counter);
