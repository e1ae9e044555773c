using OpenAaf.Testing.Fingerprints;

namespace OpenAaf.Core.Tests.Methods.Finger;

/// <summary>
/// Captures built in the test: synthetic fingers (one seed per physical finger), each impression a rotated
/// and shifted copy with a few minutiae missing, written as ISO 2005 records; and capture items as clients send them.
/// </summary>
internal static class FingerCaptures
{
    public const int MinutiaCount = 40;

    /// <summary>Impression <paramref name="impression"/> (1, 2, …) of the synthetic finger <paramref name="seed"/>.</summary>
    public static byte[] Record(int seed, int impression, int minutiae = MinutiaCount)
    {
        var finger = Synthetic.Finger(seed, minutiae).Where((_, k) => minutiae < 12 || k % 8 != impression % 8).ToList();
        var moved = Synthetic.Transform(finger, degrees: (impression - 1) * 6, dx: impression * 7, dy: -impression * 5);
        // The image leaves 100 px around the 300 × 400 finger area, so that moved minutiae stay inside it.
        var placed = moved.Select(m => m with { X = m.X + 100, Y = m.Y + 100 }).ToList();
        return RecordWriter.Iso2005(500, 600, 197, new TestView(placed, Position: 0));
    }

    public static string Iso(int seed, int impression, int minutiae = MinutiaCount) => Convert.ToBase64String(Record(seed, impression, minutiae));

    /// <summary>A <c>captures</c> item: <c>{"Finger": "2", "Image": {"ISO": "…", "captureStatus": "OK"}}</c>.</summary>
    public static object Item(object finger, string iso, string status = "OK") =>
        new { Finger = finger, Image = new { ISO = iso, captureStatus = status } };

    /// <summary>Three consistent captures of synthetic finger <paramref name="seed"/> enrolled as <paramref name="finger"/>.</summary>
    public static object[] Impressions(string finger, int seed, int count = 3) =>
        [.. Enumerable.Range(1, count).Select(i => Item(finger, Iso(seed, i)))];

    public static object Add(params object[][] fingers) => new { operation = "add", captures = fingers.SelectMany(f => f).ToArray() };

    public static object LogonCapture(string iso, string status = "OK") => new { capture = new { ISO = iso, captureStatus = status } };
}
