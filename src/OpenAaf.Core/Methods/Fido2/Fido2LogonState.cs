namespace OpenAaf.Core.Methods.Fido2;

/// <summary>
/// What a FIDO2:1 logon changes (methods.md §10.2 steps 9 and 10): the signature counter and the backup flags
/// recorded with it, kept outside the sealed secret.
/// </summary>
public sealed record Fido2LogonState(uint SignCount, bool BackupEligible, bool BackupState)
{
    public static Fido2LogonState Of(Fido2Credential credential) => new(credential.SignCount, credential.BackupEligible, credential.BackupState);
}
