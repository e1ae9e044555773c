using System.Runtime.CompilerServices;

namespace OpenAaf.Biometrics.Matching;

/// <summary>Angles as bytes in 360/256-degree units, so that wrap-around is plain byte arithmetic.</summary>
internal static class Angles
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Distance(int a, int b) => Math.Abs((int)(sbyte)(byte)(a - b));

    public static byte FromRadians(double radians)
    {
        var units = (int)Math.Round(radians * (128 / Math.PI));
        return (byte)(units & 0xFF);
    }

    public static double ToRadians(int units) => units * (Math.PI / 128);
}
