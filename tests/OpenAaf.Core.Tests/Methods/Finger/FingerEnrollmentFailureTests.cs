using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Testing.Fingerprints;
using static OpenAaf.Core.Tests.Methods.Finger.FingerCaptures;
using static OpenAaf.Core.Tests.Methods.Finger.FingerEnrollmentTests;
using OpenAaf.Core.Methods.Finger;

namespace OpenAaf.Core.Tests.Methods.Finger;

/// <summary>methods.md §11.3, rules for add: each failure code, and the working set back to its start after it.</summary>
public sealed class FingerEnrollmentFailureTests
{
    [Fact]
    public async Task TwoCaptures_AreNotEnough_AndTheWorkingSetIsReset()
    {
        var bed = new FingerTestBed();
        await bed.EnrollAsync(Add(Impressions("7", seed: 2)));

        var step = await bed.EnrollAsync(Add(Impressions("2", seed: 1, count: 2)));

        AssertFailed(FingerOutcomes.FingerNotEnoughCaptures, step);
        Assert.Equal("3 captures per finger are required", Assert.IsType<EnrollStep.Failed>(step).Outcome.Message);
        Assert.Empty(Positions(await bed.EnrollAsync(null)));
    }

    [Fact]
    public async Task AddWithoutCaptures_IsNotEnoughCaptures()
    {
        var bed = new FingerTestBed();

        AssertFailed(FingerOutcomes.FingerNotEnoughCaptures, await bed.EnrollAsync(new { operation = "add" }));
        AssertFailed(FingerOutcomes.FingerNotEnoughCaptures, await bed.EnrollAsync(new { operation = "add", captures = Array.Empty<object>() }));
    }

    [Fact]
    public async Task ACaptureOfAnotherFingerInTheGroup_IsInconsistent()
    {
        var bed = new FingerTestBed();

        var step = await bed.EnrollAsync(Add([Item("2", Iso(1, 1)), Item("2", Iso(1, 2)), Item("2", Iso(3, 1))]));

        AssertFailed(FingerOutcomes.FingerCapturesInconsistent, step);
    }

    [Fact]
    public async Task TheSameFingerUnderAnotherId_IsADuplicate_InTheWorkingSetOrInTheSameAdd()
    {
        var bed = new FingerTestBed();
        await bed.EnrollAsync(Add(Impressions("2", seed: 1)));

        var later = await bed.EnrollAsync(Add(Impressions("7", seed: 1)));
        var together = await bed.EnrollAsync(Add(Impressions("3", seed: 4), Impressions("8", seed: 4)));

        AssertFailed(FingerOutcomes.FingerDuplicate, later);
        AssertFailed(FingerOutcomes.FingerDuplicate, together);
    }

    [Fact]
    public async Task AFingerOfTheUsersOtherTemplate_IsADuplicateUnderAnotherId_ButNotUnderItsOwn()
    {
        var bed = new FingerTestBed();
        await bed.EnrollFingersAsync(("2", 1), ("7", 2));

        var otherId = await bed.EnrollAsync(Add(Impressions("3", seed: 1)));
        var sameId = await bed.EnrollAsync(Add(Impressions("2", seed: 1)));

        AssertFailed(FingerOutcomes.FingerDuplicate, otherId);
        Assert.Equal(["2"], Positions(sameId));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("x")]
    [InlineData("")]
    [InlineData(null)]
    public async Task FingersOutside1To10_AreNotAllowed(string? finger)
    {
        var bed = new FingerTestBed();

        var step = await bed.EnrollAsync(new { operation = "add", captures = new[] { new { Finger = finger, ISO = Iso(1, 1) } } });

        AssertFailed(FingerOutcomes.FingerNotAllowed, step);
    }

    [Fact]
    public async Task WhenThePolicyNamesFingers_OthersAreNotAllowed()
    {
        var bed = new FingerTestBed { Options = new() { IsFingersSpecified = true, Fingers = ["2", "7"] } };

        AssertFailed(FingerOutcomes.FingerNotAllowed, await bed.EnrollAsync(Add(Impressions("3", seed: 1))));
        Assert.Equal(["7"], Positions(await bed.EnrollAsync(Add(Impressions("7", seed: 1)))));
    }

    [Theory]
    [InlineData("Timeout")]
    [InlineData("FakeFinger")]
    public async Task AFailedCapture_IsCaptureFailed(string status)
    {
        var bed = new FingerTestBed();

        var step = await bed.EnrollAsync(Add([Item("2", Iso(1, 1)), Item("2", Iso(1, 2), status), Item("2", Iso(1, 3))]));

        AssertFailed(FingerOutcomes.FingerEnrollCaptureFailed, step);
    }

    [Fact]
    public async Task ARawImageWithoutIso_IsIsoRequired()
    {
        var bed = new FingerTestBed();

        var image = await bed.EnrollAsync(new { operation = "add", captures = new[] { new { Finger = "2", Image = "Qk02AAAAAAAAADYAAAAoAAAA" } } });
        var noIso = await bed.EnrollAsync(new { operation = "add", captures = new[] { new { Finger = "2", Image = new { captureStatus = "OK", Width = 256 } } } });

        AssertFailed(FingerOutcomes.FingerIsoRequired, image);
        AssertFailed(FingerOutcomes.FingerIsoRequired, noIso);
    }

    [Fact]
    public async Task ABadRecord_SaysPreciselyWhy()
    {
        var bed = new FingerTestBed();
        var truncated = Convert.ToBase64String(SeedCapture.Bytes()[..298]);

        var step = await bed.EnrollAsync(Add([Item("2", Iso(1, 1)), Item("2", truncated), Item("2", Iso(1, 3))]));
        var few = await bed.EnrollAsync(Add([Item("4", Iso(9, 1, minutiae: 5))]));

        AssertFailed(FingerOutcomes.FingerEnrollBadTemplate, step);
        Assert.Equal("Fingerprint data cannot be read: capture 2 (finger 2): record length 300 exceeds data length 298",
            Assert.IsType<EnrollStep.Failed>(step).Outcome.Message);
        Assert.Contains("5 minutiae, fewer than the minimum 6", Assert.IsType<EnrollStep.Failed>(few).Outcome.Message);
    }

    [Theory]
    [InlineData("""{"operation": "replace"}""")]
    [InlineData("""{"operation": 3}""")]
    [InlineData("""{"captures": []}""")]
    [InlineData("""{"operation": "remove"}""")]
    public async Task UnknownOrMalformedOperations_AreBadOperations(string response)
    {
        var bed = new FingerTestBed();

        AssertFailed(FingerOutcomes.FingerBadOperation, await bed.EnrollAsync(System.Text.Json.JsonDocument.Parse(response).RootElement));
    }
}
