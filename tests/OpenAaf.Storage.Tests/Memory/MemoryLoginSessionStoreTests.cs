using OpenAaf.Core.Sessions;
using OpenAaf.Storage.Memory;
using OpenAaf.Storage.Tests.Contracts;

namespace OpenAaf.Storage.Tests.Memory;

public sealed class MemoryLoginSessionStoreTests : LoginSessionStoreContract
{
    protected override ILoginSessionStore CreateStore() => new MemoryLoginSessionStore();
}
