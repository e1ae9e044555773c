using System.Text;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods.Finger;
using static OpenAaf.Core.Tests.Methods.Finger.FingerCaptures;
using static OpenAaf.Core.Tests.Methods.Finger.FingerEnrollmentTests;

namespace OpenAaf.Core.Tests.Methods.Finger;

/// <summary>methods.md §11.3: remove, end (fingers_number, duress finger, multi-finger mode) and add/remove on an existing template.</summary>
public sealed class FingerEnrollmentEndTests
{
    [Fact]
    public async Task EndWithOneFinger_IsNotEnoughFingers()
    {
        var bed = new FingerTestBed();
        await bed.EnrollAsync(Add(Impressions("2", seed: 1)));

        var step = await bed.EnrollAsync(new { operation = "end" });

        AssertFailed(FingerOutcomes.FingerNotEnoughFingers, step);
        Assert.Equal("At least 2 fingers are required", Assert.IsType<EnrollStep.Failed>(step).Outcome.Message);
    }

    [Fact]
    public async Task Remove_TakesFingersOut_AndIgnoresOnesThatAreNotThere()
    {
        var bed = new FingerTestBed();
        await bed.EnrollAsync(Add(Impressions("2", seed: 1), Impressions("7", seed: 2), Impressions("8", seed: 3)));

        var step = await bed.EnrollAsync(new { operation = "remove", fingers = new object[] { "7", 9 } });

        Assert.Equal(["2", "8"], Positions(step));
        AssertFailed(FingerOutcomes.FingerNotAllowed, await bed.EnrollAsync(new { operation = "remove", fingers = new[] { "12" } }));
    }

    [Fact]
    public async Task TheDuressFinger_IsStored_AndDoesNotCountTowardTheFingers()
    {
        var bed = new FingerTestBed { Options = new() { EnableDuressFinger = true } };
        await bed.EnrollAsync(Add(Impressions("2", seed: 1), Impressions("7", seed: 2)));

        var tooFew = await bed.EnrollAsync(new { operation = "end", duress_finger_index = "7" });
        await bed.EnrollAsync(Add(Impressions("2", seed: 1), Impressions("7", seed: 2), Impressions("9", seed: 3)));
        var notInSet = await bed.EnrollAsync(new { operation = "end", duress_finger_index = "4" });
        await bed.EnrollAsync(Add(Impressions("2", seed: 1), Impressions("7", seed: 2), Impressions("9", seed: 3)));
        var done = await bed.EnrollAsync(new { operation = "end", duress_finger_index = 7, multi_finger_reader_mode = "true" });

        AssertFailed(FingerOutcomes.FingerNotEnoughFingers, tooFew);
        AssertFailed(FingerOutcomes.FingerNotAllowed, notInSet);
        Assert.Equal("""{"finger_positions":["2","7","9"],"duress_finger_index":"7","multi_finger_reader_mode":true}""",
            Assert.IsType<EnrollStep.Done>(done).Authenticator.Data);
        Assert.Equal("7", bed.Opened(bed.Save(done)).DuressFingerIndex);
    }

    [Fact]
    public async Task WithoutDuressFingersInThePolicy_TheIndexIsIgnored_AndMultiFingerModeMayBeForced()
    {
        var bed = new FingerTestBed { Options = new() { ForceMultiFingerScan = true } };
        await bed.EnrollAsync(Add(Impressions("2", seed: 1), Impressions("7", seed: 2)));

        var done = await bed.EnrollAsync(new { operation = "end", duress_finger_index = "7", multi_finger_reader_mode = false });

        Assert.Equal("""{"finger_positions":["2","7"],"duress_finger_index":null,"multi_finger_reader_mode":true}""",
            Assert.IsType<EnrollStep.Done>(done).Authenticator.Data);
    }

    [Fact]
    public async Task RemovingTheDuressFinger_ClearsIt()
    {
        var bed = new FingerTestBed { Options = new() { EnableDuressFinger = true, FingersNumber = 1 } };
        await bed.EnrollAsync(Add(Impressions("2", seed: 1), Impressions("7", seed: 2)));
        bed.Existing = bed.Save(await bed.EnrollAsync(new { operation = "end", duress_finger_index = "7" }));
        Assert.Equal("7", bed.Opened(bed.Existing).DuressFingerIndex);

        await bed.EnrollAsync(new { operation = "remove", fingers = new[] { "7" } });

        Assert.Null(FingerSet.FromBytes(Encoding.UTF8.GetBytes(bed.State!)).DuressFingerIndex);
    }

    [Fact]
    public async Task AnExistingTemplate_IsTheStart_AddAndRemoveChangeIt_AndAFailureReturnsToIt()
    {
        var bed = new FingerTestBed();
        bed.Existing = await bed.EnrollFingersAsync(("2", 1), ("7", 2));

        var start = await bed.EnrollAsync(null);
        var added = await bed.EnrollAsync(Add(Impressions("9", seed: 3)));
        var removed = await bed.EnrollAsync(new { operation = "remove", fingers = new[] { "2" } });
        var failed = await bed.EnrollAsync(Add(Impressions("4", seed: 5, count: 1)));
        var reset = await bed.EnrollAsync(null);
        await bed.EnrollAsync(Add(Impressions("9", seed: 3)));
        await bed.EnrollAsync(new { operation = "remove", fingers = new[] { "2" } });
        var done = await bed.EnrollAsync(new { operation = "end" });

        Assert.Equal(["2", "7"], Positions(start));
        Assert.Equal(["2", "7", "9"], Positions(added));
        Assert.Equal(["7", "9"], Positions(removed));
        AssertFailed(FingerOutcomes.FingerNotEnoughCaptures, failed);
        Assert.Equal(["2", "7"], Positions(reset));
        Assert.Equal("""{"finger_positions":["7","9"],"duress_finger_index":null,"multi_finger_reader_mode":false}""",
            Assert.IsType<EnrollStep.Done>(done).Authenticator.Data);
        Assert.Equal(bed.Opened(bed.Existing).Fingers["7"][0].Record, bed.Opened(bed.Save(done, "0001")).Fingers["7"][0].Record);
    }
}
