using OpenAaf.Biometrics.Matching;
using OpenAaf.Biometrics.Records;
using OpenAaf.Testing.Fingerprints;

namespace OpenAaf.Biometrics.Tests.Matching;

/// <summary>Checks on the 320 shared FVC2002 templates; skipped, with the reason, when they are absent.</summary>
public sealed class SharedTemplateTests
{
    [Fact]
    public void All_shared_templates_parse()
    {
        var files = Directory.GetFiles(SharedFingerprints.RequireFolder(), "*.iso", SearchOption.AllDirectories);

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.True(FingerRecordReader.Read(File.ReadAllBytes(file)).IsValid, file));
    }

    [Fact]
    public void Impressions_of_different_fingers_score_below_the_threshold_and_most_genuine_pairs_above()
    {
        var folder = Directory.GetDirectories(SharedFingerprints.RequireFolder(), "DB1_B", SearchOption.AllDirectories).Single();
        var templates = Directory.GetFiles(folder, "*.iso").Order(StringComparer.Ordinal)
            .Select(f => (Finger: Path.GetFileName(f).Split('_')[0], Template: FingerprintTemplate.FromView(FingerRecordReader.Read(File.ReadAllBytes(f)).Record!.Views[0])))
            .ToList();
        int genuineAbove = 0, genuine = 0, impostorAbove = 0;
        for (var i = 0; i < templates.Count; i++)
        {
            for (var j = i + 1; j < templates.Count; j++)
            {
                var above = FingerprintMatcher.Compare(templates[i].Template, templates[j].Template) >= FingerprintMatcher.DefaultThreshold;
                if (templates[i].Finger == templates[j].Finger)
                {
                    genuine++;
                    genuineAbove += above ? 1 : 0;
                }
                else
                {
                    impostorAbove += above ? 1 : 0;
                }
            }
        }

        Assert.Equal(0, impostorAbove);
        Assert.True(genuineAbove >= 0.8 * genuine, $"{genuineAbove} of {genuine} genuine pairs reach the threshold");
    }
}
