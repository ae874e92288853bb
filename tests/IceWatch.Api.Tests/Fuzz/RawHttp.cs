using System.Net.Sockets;
using System.Text;

namespace IceWatch.Api.Tests;

/// <summary>Requests HttpClient refuses to send: a Content-Length that lies, conflicting framing, a stalled body.</summary>
public static class RawHttp
{
    /// <summary>The status code of the first answer, or 0 when the server closed the connection without one.</summary>
    public static async Task<int> SendAsync(Uri server, string head, byte[] body, bool closeAfterSending, TimeSpan timeout)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Replace("\n", "\r\n") + "\r\n"));
        try
        {
            await stream.WriteAsync(body);
            if (closeAfterSending) tcp.Client.Shutdown(SocketShutdown.Send);
        }
        catch (IOException)
        {
            // The server may answer and close before the whole body is written.
        }
        using var cts = new CancellationTokenSource(timeout);
        var buffer = new byte[64];
        var read = 0;
        try
        {
            while (read < 12 && await stream.ReadAsync(buffer.AsMemory(read), cts.Token) is var n and > 0) read += n;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            return read >= 12 ? Parse(buffer) : e is OperationCanceledException ? -1 : 0;
        }
        return read >= 12 ? Parse(buffer) : 0;
    }

    private static int Parse(byte[] buffer) => int.Parse(Encoding.ASCII.GetString(buffer, 9, 3));
}
