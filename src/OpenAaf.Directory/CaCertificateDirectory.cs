using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenAaf.Directory;

/// <summary>
/// Turns a repository's CA PEM file into the certificate directory that libldap wants
/// (<c>TrustedCertificatesDirectory</c>, the only per-connection trust setting S.DS.P has on Linux).
/// Each certificate is written as <c>HASH.N</c> with OpenSSL's subject-name hash, as
/// <c>openssl rehash</c> would (OpenSSL-built libldap looks certificates up by that name; the
/// GnuTLS build of Debian loads every file of the directory). The directories live in a private
/// (0700) temporary folder of this process, one per distinct file content, and are reused while
/// the PEM file is unchanged.
/// </summary>
internal static class CaCertificateDirectory
{
    private static readonly ConcurrentDictionary<string, (DateTime Written, long Length, string Directory)> Cache = new();
    private static readonly Lazy<string> Root = new(CreateRoot);

    public static string For(string pemPath)
    {
        var info = new FileInfo(pemPath);
        if (!info.Exists) throw new FileNotFoundException($"CA certificate file not found: {pemPath}", pemPath);
        var key = info.FullName;
        if (Cache.TryGetValue(key, out var hit) && hit.Written == info.LastWriteTimeUtc && hit.Length == info.Length
            && System.IO.Directory.Exists(hit.Directory))
            return hit.Directory;

        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPemFile(info.FullName);
        if (certificates.Count == 0) throw new InvalidDataException($"No certificate in {pemPath}.");

        var content = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(info.FullName)))[..32];
        var dir = Path.Combine(Root.Value, content);
        if (!System.IO.Directory.Exists(dir))
        {
            // Written to a sibling first and renamed, so a concurrent caller never sees a half-filled directory.
            var staging = dir + "." + Guid.NewGuid().ToString("N");
            System.IO.Directory.CreateDirectory(staging);
            var used = new Dictionary<string, int>();
            foreach (var certificate in certificates)
            {
                var hash = OpenSslSubjectHash.Compute(certificate.SubjectName);
                used[hash] = used.TryGetValue(hash, out var n) ? n + 1 : 0;
                File.WriteAllText(Path.Combine(staging, $"{hash}.{used[hash]}"), certificate.ExportCertificatePem() + "\n");
            }
            try { System.IO.Directory.Move(staging, dir); }
            catch (IOException) { System.IO.Directory.Delete(staging, true); } // another caller won the race
        }
        Cache[key] = (info.LastWriteTimeUtc, info.Length, dir);
        return dir;
    }

    private static string CreateRoot()
    {
        var root = System.IO.Directory.CreateTempSubdirectory("openaaf-ldap-ca-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { System.IO.Directory.Delete(root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return root;
    }
}
