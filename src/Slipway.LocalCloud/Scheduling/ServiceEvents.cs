using Slipway.Aws.Ecs.Model;
using Slipway.LocalCloud.State;

namespace Slipway.LocalCloud.Scheduling;

/// <summary>Appends service events as ECS does: newest first, the 100 latest, a repeat of the newest suppressed for 6 hours.</summary>
internal static class ServiceEvents
{
    public static readonly TimeSpan RepeatAfter = TimeSpan.FromHours(6);

    public static void Add(ServiceRecord service, string message, DateTime now)
    {
        if (service.Events.Count > 0 && service.Events[0].Message == message && now - service.Events[0].CreatedAt < RepeatAfter)
        {
            return;
        }

        service.Events.Insert(0, new ServiceEvent { Id = Guid.NewGuid().ToString("D"), CreatedAt = now, Message = message });
        if (service.Events.Count > Ecs.Projection.MaxEvents)
        {
            service.Events.RemoveRange(Ecs.Projection.MaxEvents, service.Events.Count - Ecs.Projection.MaxEvents);
        }
    }
}
