using System.Globalization;
using OpenAaf.Core.Catalogue;
using OpenAaf.Core.Enrollment;

namespace OpenAaf.Core.Methods.Finger;

/// <summary>The enrollment failures of methods.md §11.3, with the catalogue's placeholders filled in (api.md §11.5).</summary>
internal static class FingerEnrollFailures
{
    public static EnrollStep Of(Outcome outcome) => new EnrollStep.Failed(outcome);

    /// <summary>OAAF-3132 with the reason the record was refused, e.g. "record length 300 exceeds data length 298".</summary>
    public static EnrollStep BadTemplate(string detail) =>
        Of(FingerOutcomes.FingerEnrollBadTemplate with { Message = FingerOutcomes.FingerEnrollBadTemplate.Message.Replace("{detail}", detail, StringComparison.Ordinal) });

    public static EnrollStep NotEnoughCaptures(int n) => Of(WithN(FingerOutcomes.FingerNotEnoughCaptures, n));

    public static EnrollStep NotEnoughFingers(int n) => Of(WithN(FingerOutcomes.FingerNotEnoughFingers, n));

    private static Outcome WithN(Outcome outcome, int n) =>
        outcome with { Message = outcome.Message.Replace("{n}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) };
}
