using OpenAaf.Core.Sessions;
using OpenAaf.Storage.Memory;
using OpenAaf.Storage.Tests.Contracts;

namespace OpenAaf.Storage.Tests.Memory;

public sealed class MemoryLogonProcessStoreTests : LogonProcessStoreContract
{
    protected override ILogonProcessStore CreateStore() => new MemoryLogonProcessStore();
}

public sealed class MemoryLoginSessionStoreTests : LoginSessionStoreContract
{
    protected override ILoginSessionStore CreateStore() => new MemoryLoginSessionStore();
}

public sealed class MemoryEndpointSessionStoreTests : EndpointSessionStoreContract
{
    protected override IEndpointSessionStore CreateStore() => new MemoryEndpointSessionStore();
}

public sealed class MemoryObjectLockTests : ObjectLockContract
{
    protected override IObjectLock CreateLock() => new MemoryObjectLock();

    protected override void AssertNothingRetained(IObjectLock objectLock) =>
        Assert.Equal(0, ((MemoryObjectLock)objectLock).ActiveKeys);
}
