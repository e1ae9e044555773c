using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Templates;
using OpenAaf.Testing.Fingerprints;
using static OpenAaf.Core.Tests.Methods.Finger.FingerCaptures;
using OpenAaf.Core.Methods.Finger;

namespace OpenAaf.Core.Tests.Methods.Finger;

/// <summary>
/// Real records: FVC2002 DB2_B impressions (shared/fingerprint, outside the repository; skipped with the
/// reason when absent). Fingers 101 and 102 are enrolled from impressions 1–3; other impressions log on.
/// </summary>
public sealed class FingerFvcTests
{
    private static string Fvc(int finger, int impression) => Convert.ToBase64String(SharedFingerprints.Fvc2002(2, finger, impression));

    private static object[] FvcFinger(string id, int finger) => [.. Enumerable.Range(1, 3).Select(i => Item(id, Fvc(finger, i)))];

    private static async Task<(FingerTestBed Bed, Template Template)> EnrolledAsync()
    {
        var bed = new FingerTestBed();
        Assert.IsType<EnrollStep.MoreData>(await bed.EnrollAsync(Add(FvcFinger("2", 101), FvcFinger("7", 102))));
        return (bed, bed.Save(await bed.EnrollAsync(new { operation = "end" })));
    }

    [Theory]
    [InlineData(101, 5)]
    [InlineData(101, 8)]
    [InlineData(102, 6)]
    public async Task AnotherImpressionOfAnEnrolledFinger_Passes(int finger, int impression)
    {
        var (bed, template) = await EnrolledAsync();

        var step = await bed.LogonAsync(LogonCapture(Fvc(finger, impression)));

        Assert.Equal(template.Id, Assert.IsType<MethodStep.Passed>(step).Template.Id);
        Assert.InRange(FingerTestBed.Score(step), 40, 999);
    }

    [Theory]
    [InlineData(103, 1)]
    [InlineData(104, 2)]
    public async Task AnotherFinger_FailsNoMatch(int finger, int impression)
    {
        var (bed, _) = await EnrolledAsync();

        var step = await bed.LogonAsync(LogonCapture(Fvc(finger, impression)));

        Assert.Equal(FingerOutcomes.FingerNoMatch, Assert.IsType<MethodStep.Failed>(step).Outcome);
        Assert.InRange(FingerTestBed.Score(step), 0, 39);
    }

    [Fact]
    public async Task ImpressionsOfTwoFingersUnderOneId_AreInconsistent()
    {
        var bed = new FingerTestBed();

        var step = await bed.EnrollAsync(Add([Item("2", Fvc(101, 1)), Item("2", Fvc(101, 2)), Item("2", Fvc(102, 1))]));

        FingerEnrollmentTests.AssertFailed(FingerOutcomes.FingerCapturesInconsistent, step);
    }
}
