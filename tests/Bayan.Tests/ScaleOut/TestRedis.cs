using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bayan.Tests.ScaleOut;

/// <summary>
/// The redis-server the scale-out tests share (BAYAN_TEST_REDIS, started by test.sh), and private
/// ones a test may stop and start without touching the others. A missing Redis is a failure, never a skip.
/// </summary>
public static class TestRedis
{
    public static string Shared =>
        Environment.GetEnvironmentVariable("BAYAN_TEST_REDIS") is { Length: > 0 } address
            ? address
            : throw new InvalidOperationException(
                "The scale-out tests need BAYAN_TEST_REDIS, the host:port of a redis-server; ./test.sh starts one " +
                "(by hand: redis-server --port 6390 --save '' --appendonly no, then BAYAN_TEST_REDIS=127.0.0.1:6390).");

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>A redis-server of one test's own, as a child process on a loopback port that stays the same across restarts.</summary>
public sealed class PrivateRedis : IAsyncDisposable
{
    private Process? server;

    public int Port { get; } = TestRedis.FreePort();
    public string Address => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        server = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server could not be started.");
        server.OutputDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"redis-server did not start listening on {Address}.");
    }

    public async Task StopAsync()
    {
        if (server is null)
            return;
        server.Kill();
        await server.WaitForExitAsync();
        server.Dispose();
        server = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
