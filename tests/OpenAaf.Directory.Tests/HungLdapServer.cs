using System.Net;
using System.Net.Sockets;
using OpenAaf.Testing;

namespace OpenAaf.Directory.Tests;

/// <summary>
/// A TCP server that accepts LDAP connections and then never answers (or answers only the bind):
/// the "server hangs" case, which a refused connection does not cover.
/// </summary>
internal sealed class HungLdapServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly bool _answerBind;
    private readonly List<Socket> _sockets = [];
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    public HungLdapServer(bool answerBind)
    {
        _answerBind = answerBind;
        _listener = new TcpListener(IPAddress.Loopback, SlapdFixture.FreePort());
        _listener.Start();
        _ = AcceptLoop();
    }

    public string Url => $"ldap://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
    public int Connections => Volatile.Read(ref _connections);

    private async Task AcceptLoop()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                lock (_sockets) _sockets.Add(socket);
                _ = Serve(socket);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task Serve(Socket socket)
    {
        var buffer = new byte[4096];
        try
        {
            var first = true;
            while (true)
            {
                var n = await socket.ReceiveAsync(buffer, _stop.Token);
                if (n == 0) return;
                if (first && _answerBind && n >= 5 && buffer[0] == 0x30)
                {
                    first = false;
                    await socket.SendAsync(BindSuccess(MessageId(buffer)), _stop.Token);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    /// <summary>The message id of an LDAPMessage (SEQUENCE { INTEGER id, … }).</summary>
    private static byte[] MessageId(byte[] message)
    {
        var i = 1;
        i += (message[i] & 0x80) != 0 ? 1 + (message[i] & 0x7f) : 1; // skip the SEQUENCE length
        var length = message[i + 1];                                   // INTEGER tag at i
        return message[(i + 2)..(i + 2 + length)];
    }

    private static byte[] BindSuccess(byte[] id)
    {
        byte[] body = [0x02, (byte)id.Length, .. id, 0x61, 0x07, 0x0a, 0x01, 0x00, 0x04, 0x00, 0x04, 0x00];
        return [0x30, (byte)body.Length, .. body];
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_sockets) _sockets.ForEach(s => s.Dispose());
    }
}
