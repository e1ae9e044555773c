using System.Text;
using System.Text.Json;
using OpenAaf.Core.Methods.Finger;

namespace OpenAaf.Core.Tests.Methods.Finger;

/// <summary>The sealed payload: it round-trips, and anything that is not a finger set of this version is refused.</summary>
public sealed class FingerSetTests
{
    [Fact]
    public async Task ThePayload_RoundTrips()
    {
        var bed = new FingerTestBed();
        var set = bed.Opened(await bed.EnrollFingersAsync(("2", 1), ("10", 2)));

        var again = FingerSet.FromBytes(set.ToBytes());

        Assert.Equal(["2", "10"], again.Positions);
        Assert.Equal(set.Fingers["10"][2].Prepared[0], again.Fingers["10"][2].Prepared[0]);
        Assert.Null(again.DuressFingerIndex);
    }

    [Theory]
    [InlineData("""{"version": 2, "fingers": {}}""")]
    [InlineData("""{"version": 1, "fingers": {"11": []}}""")]
    [InlineData("""{"version": 1, "fingers": {"02": []}}""")]
    [InlineData("""{"version": 1, "fingers": {"2": null}}""")]
    [InlineData("null")]
    public void ForeignPayloads_AreRefused(string json) =>
        Assert.ThrowsAny<JsonException>(() => FingerSet.FromBytes(Encoding.UTF8.GetBytes(json)));
}
