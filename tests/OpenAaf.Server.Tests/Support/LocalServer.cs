namespace OpenAaf.Server.Tests.Support;

/// <summary>One server with LOCAL users only, shared by the tests of a class.</summary>
public sealed class LocalServer : IDisposable
{
    public LocalServer()
    {
        Factory = OpenAafFactory.WithLocalUsers();
        Client = new ApiClient(Factory.CreateClient());
    }

    public OpenAafFactory Factory { get; }
    public ApiClient Client { get; }

    public void Dispose() => Factory.Dispose();
}
