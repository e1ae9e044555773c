using System.Text.Json;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Finger;
using OpenAaf.Testing.Fingerprints;
using static OpenAaf.Core.Tests.Methods.Finger.FingerCaptures;

namespace OpenAaf.Core.Tests.Methods.Finger;

/// <summary>methods.md §11.3: the working set through add and end, the template's data and sealed payload.</summary>
public sealed class FingerEnrollmentTests
{
    internal static string?[] Positions(EnrollStep step) =>
        [.. Assert.IsType<EnrollStep.MoreData>(step).Extras["finger_positions"]!.AsArray().Select(p => (string?)p)];

    internal static void AssertFailed(Outcome expected, EnrollStep step) =>
        Assert.Equal(expected.MsgId, Assert.IsType<EnrollStep.Failed>(step).Outcome.MsgId);

    [Theory]
    [InlineData(null)]
    [InlineData("{}")]
    public async Task NoResponse_WaitsWithTheWorkingSetsFingers(string? response)
    {
        var bed = new FingerTestBed();

        var step = await bed.EnrollAsync(response is null ? null : JsonDocument.Parse(response).RootElement);

        Assert.Equal(FingerOutcomes.FingerWaitingCaptures, Assert.IsType<EnrollStep.MoreData>(step).Outcome);
        Assert.Empty(Positions(step));
    }

    [Fact]
    public async Task AddTwoFingersThenEnd_StoresTheirImpressions_AndDataNamesOnlyTheFingers()
    {
        var bed = new FingerTestBed();

        var first = await bed.EnrollAsync(Add(Impressions("7", seed: 2)));
        var second = await bed.EnrollAsync(Add(Impressions("2", seed: 1)));
        var end = await bed.EnrollAsync(new { operation = "end" });

        Assert.Equal(["7"], Positions(first));
        Assert.Equal(["2", "7"], Positions(second));
        var done = Assert.IsType<EnrollStep.Done>(end).Authenticator;
        Assert.Equal("""{"finger_positions":["2","7"],"duress_finger_index":null,"multi_finger_reader_mode":false}""", done.Data);
        var stored = bed.Opened(bed.Save(end));
        Assert.Equal(["2", "7"], stored.Positions);
        Assert.Equal(3, stored.Fingers["2"].Count);
        Assert.Equal(Record(seed: 1, impression: 2), stored.Fingers["2"][1].Record);
        Assert.All(stored.Fingers.Values.SelectMany(i => i), i => Assert.Single(i.Prepared));
        Assert.Null(bed.State);
    }

    [Fact]
    public async Task CapturesMayComeAsStringifiedImages_OrDirectlyOnTheItem_WithNumericFingers()
    {
        var bed = new FingerTestBed();
        object[] captures =
        [
            new { Finger = 3, Image = JsonSerializer.Serialize(new { ISO = Iso(5, 1), captureStatus = "Ok", Width = 256 }) },
            new { Finger = "03", ISO = Iso(5, 2), captureStatus = "OK" },
            new { finger = 3, image = new { iso = Iso(5, 3) } },
        ];

        Assert.Equal(["3"], Positions(await bed.EnrollAsync(new { operation = "add", captures })));
    }

    [Fact]
    public async Task AddingAFingerAgain_ReplacesItsImpressions()
    {
        var bed = new FingerTestBed();
        await bed.EnrollAsync(Add(Impressions("2", seed: 1), Impressions("7", seed: 2)));
        await bed.EnrollAsync(Add(Impressions("2", seed: 1, count: 4)));

        var stored = bed.Opened(bed.Save(await bed.EnrollAsync(new { operation = "END" })));

        Assert.Equal(4, stored.Fingers["2"].Count);
        Assert.Equal(3, stored.Fingers["7"].Count);
    }

    [Fact]
    public async Task EnrolledFingers_LogOn_AndTheRecordsWereKeptForAnotherMatcherVersion()
    {
        var bed = new FingerTestBed();
        var template = await bed.EnrollFingersAsync(("2", 1), ("7", 2));
        // A serial form the matcher no longer reads: the impressions are prepared again from their records.
        var set = bed.Opened(template);
        var aged = set with
        {
            Fingers = set.Fingers.ToDictionary(f => f.Key, f => (IReadOnlyList<FingerImpression>)
                [.. f.Value.Select(i => i with { Prepared = [[99, 0, 0]] })]),
        };
        bed.Templates[0] = template with { Secret = bed.Secrets.Seal(template.UserId, template.MethodId, aged.ToBytes()) };

        Assert.IsType<MethodStep.Passed>(await bed.LogonAsync(LogonCapture(Iso(2, 6))));
    }

    [Fact]
    public async Task TheSeedCaptureEnrolls_AsAnyIsoRecordDoes()
    {
        var bed = new FingerTestBed { Options = new() { FingersNumber = 1, CapturesNumberPerFinger = 2 } };

        var step = await bed.EnrollAsync(Add([Item("6", SeedCapture.Base64), Item("6", SeedCapture.Base64)]));

        Assert.Equal(["6"], Positions(step));
    }
}
