using System.Net;

namespace OpenAaf.Server.Http;

/// <summary>
/// The client a request comes from, as throttles count it: the connection's peer, or the address a trusted
/// proxy forwarded (ForwardedHeadersMiddleware has already applied <c>network.trustedProxies</c>).
/// </summary>
public static class ClientAddress
{
    /// <summary>
    /// IPv4 (also when mapped into IPv6) as is; IPv6 by its /64 network, because one host commonly holds a whole
    /// /64 and could otherwise count as billions of clients. "unknown" when there is no peer (in-process tests).
    /// </summary>
    public static string KeyOf(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }

    public static string KeyOf(HttpContext context) => KeyOf(context.Connection.RemoteIpAddress);
}
