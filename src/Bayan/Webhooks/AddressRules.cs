using System.Net;
using System.Net.Sockets;

namespace Bayan.Webhooks;

/// <summary>
/// Which addresses a delivery may connect to. Unless the site allows private addresses, only public
/// ones: never loopback, private networks, link-local (where cloud metadata services answer), shared
/// carrier space, multicast or unspecified addresses, so a webhook cannot be aimed at the server's own
/// neighbourhood (SSRF). Judged on the resolved address, so a public name that resolves inside is refused too.
/// </summary>
public static class AddressRules
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
            || address.Equals(IPAddress.Broadcast) || address.Equals(IPAddress.IPv6None))
            return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 // "this" network
                || b[0] == 10 // private
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // shared carrier space
                || (b[0] == 169 && b[1] == 254) // link-local
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) // private
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2) // protocol assignments, documentation
                || (b[0] == 198 && b[1] == 51 && b[2] == 100) // documentation
                || (b[0] == 203 && b[1] == 0 && b[2] == 113) // documentation
                || (b[0] == 192 && b[1] == 168) // private
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19)) // benchmarking
                || b[0] >= 224); // multicast and reserved
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xfe) == 0xfc // unique local (fc00::/7)
                || address.IsIPv4MappedToIPv6
                || (b[0] == 0x20 && b[1] == 0x02) // 6to4 carries an IPv4 address of any kind
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) // documentation
                || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)); // NAT64
        }
        return false;
    }

    /// <summary>The address as text, for the log: "refused 127.0.0.1".</summary>
    public static string Describe(IEnumerable<IPAddress> addresses) => string.Join(", ", addresses.Select(a => a.ToString()));
}
