namespace OpenAaf.Core.Methods.Totp;

/// <summary>What a TOTP:1 logon changes (methods.md §5.3): the last step accepted, kept outside the sealed secret.</summary>
public sealed record TotpLogonState(long LastUsedStep);
