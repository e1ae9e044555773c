using System.Buffers.Binary;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Methods;
using OpenAaf.Testing.Fingerprints;
using static OpenAaf.Core.Tests.Methods.Finger.FingerCaptures;
using OpenAaf.Core.Methods.Finger;

namespace OpenAaf.Core.Tests.Methods.Finger;

/// <summary>methods.md §11.1–11.2 step 2 with the negative variants of test-vectors.md §5: FINGER_BAD_TEMPLATE, not counted.</summary>
public sealed class FingerLogonBadRecordTests
{
    public static TheoryData<string, string> BadRecords()
    {
        var seed = SeedCapture.Bytes();
        byte[] Changed(Action<byte[]> change)
        {
            var copy = seed.ToArray();
            change(copy);
            return copy;
        }
        return new()
        {
            { "truncated to 299 bytes", Convert.ToBase64String(seed[..299]) },
            { "record length 301", Convert.ToBase64String(Changed(b => BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(8), 301))) },
            { "byte 0 changed", Convert.ToBase64String(Changed(b => b[0] = 0)) },
            { "46 minutiae declared", Convert.ToBase64String(Changed(b => b[27] = 46)) },
            { "5 minutiae", Iso(seed: 4, impression: 1, minutiae: 5) },
            { "not base64", "Rk1SACAy!!!" },
            { "mixed base64 alphabets", Convert.ToBase64String(seed).Replace('/', '_').Insert(10, "+") },
            { "over 16 KiB", Convert.ToBase64String(seed.Concat(new byte[16 * 1024]).ToArray()) },
            { "empty", "" },
        };
    }

    [Theory]
    [MemberData(nameof(BadRecords))]
    public async Task BadRecords_FailWithBadTemplate(string variant, string iso)
    {
        var bed = new FingerTestBed();
        await bed.EnrollFingersAsync(("2", 1), ("7", 2));

        var step = await bed.LogonAsync(LogonCapture(iso));

        var failed = Assert.IsType<MethodStep.Failed>(step);
        Assert.True(failed.Outcome == FingerOutcomes.FingerBadTemplate, variant);
        Assert.False(failed.Outcome.CountsForLockout);
        Assert.Empty(step.Extras);
    }

    [Fact]
    public async Task NoIso_OrACaptureThatIsNotAnObject_IsABadTemplate()
    {
        var bed = new FingerTestBed();
        await bed.EnrollFingersAsync(("2", 1), ("7", 2));

        var imageOnly = await bed.LogonAsync(new { capture = new { Image = "Qk0=", captureStatus = "OK" } });
        var number = await bed.LogonAsync(new { capture = 5 });
        var isoNumber = await bed.LogonAsync(new { capture = new { ISO = 5 } });

        Assert.All([imageOnly, number, isoNumber], s => Assert.Equal(FingerOutcomes.FingerBadTemplate, Assert.IsType<MethodStep.Failed>(s).Outcome));
    }

    [Fact]
    public async Task TheMinutiaeMinimumComesFromThePolicy()
    {
        var bed = new FingerTestBed { Options = new() { FingersNumber = 1, CapturesNumberPerFinger = 1 } };
        await bed.EnrollAsync(Add([Item("1", SeedCapture.Base64)]));
        bed.Save(await bed.EnrollAsync(new { operation = "end" }));
        bed.Options = bed.Options with { MinMinutiae = 46 };

        var step = await bed.LogonAsync(LogonCapture(SeedCapture.Base64)); // 45 minutiae

        Assert.Equal(FingerOutcomes.FingerBadTemplate, Assert.IsType<MethodStep.Failed>(step).Outcome);
    }
}
