using System.Net;
using System.Net.Sockets;

namespace Slipway.LocalCloud.Scheduling;

/// <summary>
/// The load balancer's target health check for tasks without a container health check: a task gets requests only
/// once its host port accepts connections, as an ALB waits for a target to pass before routing to it.
/// </summary>
internal interface ITargetProbe
{
    Task<bool> IsListeningAsync(int hostPort, CancellationToken cancellationToken);
}

internal sealed class TcpTargetProbe : ITargetProbe
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromMilliseconds(500);

    public async Task<bool> IsListeningAsync(int hostPort, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, hostPort, timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
