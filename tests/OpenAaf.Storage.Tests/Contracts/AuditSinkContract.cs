using OpenAaf.Core.Auditing;

namespace OpenAaf.Storage.Tests.Contracts;

public abstract class AuditSinkContract : DurableStoreContract
{
    [Fact]
    public async Task Write_FullAndSparseRecords_ReadBackInOrder()
    {
        // Arrange
        var full = new AuditRecord
        {
            Time = Samples.T0,
            Action = "logon.step",
            EndpointId = "ep",
            EventName = "Authenticators Management",
            ChainName = "LDAP + Fingerprint",
            MethodId = "FINGER:1",
            UserId = "u",
            UserName = "JAGUAR\\denis",
            LogonProcessId = "p",
            Result = "FAILED",
            MsgId = "OAAF-2101",
            Reason = "USER_LOCKED",
            ClientAddress = "2001:db8::7",
        };
        var sparse = new AuditRecord { Time = Samples.T0.AddSeconds(1), Action = "endpoint.session", Result = "401" };

        // Act
        await Stores.Audit.WriteAsync(full, Ct);
        await Stores.Audit.WriteAsync(sparse, Ct);

        // Assert
        Assert.Equal([full, sparse], await Stores.ReadAuditAsync(Ct));
    }

    [Fact]
    public async Task Write_Parallel_KeepsEveryRecord()
    {
        // Act
        await Concurrently.RunAsync(200, async i =>
        {
            await Stores.Audit.WriteAsync(new AuditRecord { Time = Samples.T0, Action = "logon.step", Result = "OK", LogonProcessId = $"p{i}" }, Ct);
            return i;
        });

        // Assert
        var records = await Stores.ReadAuditAsync(Ct);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"p{i}").Order(), records.Select(r => r.LogonProcessId!).Order());
    }
}
