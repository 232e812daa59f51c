using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Bayan.Webhooks;

/// <summary>
/// The one HTTP client deliveries go out through: no redirects followed (a 3xx is a failure, as the
/// specification says), no proxy, no cookies, and a connection only to an address the
/// <see cref="AddressRules"/> allow, checked after the name is resolved and for the very address
/// connected to, so a name that resolves differently the second time gains nothing.
/// </summary>
public sealed class WebhookHttp : IDisposable
{
    public WebhookHttp(IOptions<WebhookOptions> options)
    {
        var allowPrivate = options.Value.AllowPrivateAddresses;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.Value.Timeout,
            ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, allowPrivate, ct),
        };
        Client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public HttpClient Client { get; }

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowPrivate, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        var allowed = allowPrivate ? addresses : [.. addresses.Where(AddressRules.IsPublic)];
        if (allowed.Length == 0)
            throw new RefusedAddressException(addresses.Length == 0 ? endpoint.Host : AddressRules.Describe(addresses));
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>The receiver's address is not public and the site does not allow private ones.</summary>
public sealed class RefusedAddressException(string addresses) : Exception($"Refused to connect to {addresses}: not a public address.")
{
    public string Addresses { get; } = addresses;
}
