namespace OpenAaf.Core.Methods.U2f;

/// <summary>What a U2F:1 logon changes (methods.md §9.2 step 9): the last signature counter accepted, kept outside the sealed secret.</summary>
internal sealed record U2fLogonState(uint Counter);
