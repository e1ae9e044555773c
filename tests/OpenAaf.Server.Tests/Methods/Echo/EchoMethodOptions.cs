namespace OpenAaf.Server.Tests.Methods.Echo;

/// <summary>The policy component <c>EchoMethod</c>; the initialisers are its defaults.</summary>
public sealed record EchoMethodOptions
{
    public string Word { get; init; } = "echo";
    public int MaxLength { get; init; } = 32;
}
