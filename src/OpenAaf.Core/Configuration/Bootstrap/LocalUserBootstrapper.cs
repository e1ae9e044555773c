using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Security;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;

namespace OpenAaf.Core.Configuration.Bootstrap;

/// <summary>
/// Declares LOCAL users and their <c>PASSWORD:1</c> template. The configured password is hashed only
/// when it differs from the last one applied: an HMAC of it (keyed from the master key, never the clear
/// text) is kept in the metadata store, so a restart costs no Argon2 hash and a password changed at run
/// time is not overwritten until the file's password itself changes.
/// </summary>
internal sealed class LocalUserBootstrapper(
    IUserStore users, ITemplateStore templates, IMetadataStore metadata, PasswordHasher hasher, byte[] macKey, TimeProvider time)
{
    private const int UpdateAttempts = 3;

    public async Task ApplyAsync(string localRepositoryId, IReadOnlyList<LocalUserDefinition> declared, CancellationToken cancellationToken)
    {
        foreach (var definition in declared)
        {
            var existing = await users.FindLocalUserAsync(definition.Name, cancellationToken).ConfigureAwait(false);
            var user = await users.UpsertLocalUserAsync(new LocalUser
            {
                ObjectId = existing?.ObjectId ?? RandomIds.NewHexId(),
                Name = definition.Name,
                Email = definition.Email,
                MobilePhone = definition.MobilePhone,
                Groups = definition.Groups,
            }, cancellationToken).ConfigureAwait(false);
            if (definition.Password is null) continue;
            var userId = await users.GetOrCreateUserIdAsync(localRepositoryId, user.ObjectId, user.Name, cancellationToken)
                .ConfigureAwait(false);
            await ApplyPasswordAsync(userId, user.Name, definition.Password, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ApplyPasswordAsync(string userId, string name, string password, CancellationToken cancellationToken)
    {
        var macName = $"local-user-password:{name.ToUpperInvariant()}";
        var mac = Mac(name, password);
        var appliedMac = await metadata.GetAsync(macName, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < UpdateAttempts; attempt++)
        {
            var current = (await templates.ListAsync(userId, cancellationToken).ConfigureAwait(false))
                .FirstOrDefault(t => t.MethodId == MethodIds.Password && t.CategoryId == "");
            if (current is not null && appliedMac is not null
                && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(appliedMac), Encoding.ASCII.GetBytes(mac)))
                return;
            if (await StoreAsync(userId, password, current, cancellationToken).ConfigureAwait(false))
            {
                await metadata.SetAsync(macName, mac, cancellationToken).ConfigureAwait(false);
                return;
            }
            // Another writer (a second node starting, a user changing the password) got there first: read again.
        }
        throw new InvalidOperationException($"The password template of LOCAL\\{name} kept changing while bootstrap applied it.");
    }

    private async Task<bool> StoreAsync(string userId, string password, Template? current, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var secret = Encoding.UTF8.GetBytes(hasher.Hash(password));
        var data = $"{{\"password_changed_at\":\"{now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture)}\"}}";
        if (current is null)
        {
            return await templates.TryAddAsync(new Template
            {
                Id = RandomIds.NewHexId(),
                UserId = userId,
                MethodId = MethodIds.Password,
                Data = data,
                Secret = secret,
                Created = now,
            }, cancellationToken).ConfigureAwait(false);
        }
        return await templates.TryUpdateAsync(current with { Data = data, Secret = secret }, current.Version, cancellationToken)
            .ConfigureAwait(false);
    }

    // Note: the user name is part of the MAC input, so two users with the same password get different values.
    private string Mac(string name, string password) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(macKey, Encoding.UTF8.GetBytes($"{name.ToUpperInvariant()}\0{password}")));
}
