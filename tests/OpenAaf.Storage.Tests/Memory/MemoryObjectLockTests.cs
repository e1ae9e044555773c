using OpenAaf.Core.Sessions;
using OpenAaf.Storage.Memory;
using OpenAaf.Storage.Tests.Contracts;

namespace OpenAaf.Storage.Tests.Memory;

public sealed class MemoryObjectLockTests : ObjectLockContract
{
    protected override IObjectLock CreateLock() => new MemoryObjectLock();

    protected override void AssertNothingRetained(IObjectLock objectLock) =>
        Assert.Equal(0, ((MemoryObjectLock)objectLock).ActiveKeys);
}
