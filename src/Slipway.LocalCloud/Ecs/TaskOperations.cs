using Slipway.Aws.Ecs.Model;
using Slipway.LocalCloud.Protocol;
using Slipway.LocalCloud.Scheduling;
using Slipway.LocalCloud.State;

namespace Slipway.LocalCloud.Ecs;

/// <summary>ListTasks, DescribeTasks, RunTask, StopTask (ecs-behaviour.md §4).</summary>
internal sealed class TaskOperations(StateStore store, CloudIdentity identity, TimeProvider time, Wakeup wakeup)
{
    public ListTasksResponse ListTasks(ListTasksRequest request)
    {
        var desired = request.DesiredStatus ?? TaskStatuses.Running;
        if (desired is not (TaskStatuses.Running or TaskStatuses.Stopped or TaskStatuses.Pending))
        {
            throw ApiError.InvalidParameter($"Invalid desiredStatus '{desired}': use RUNNING, PENDING or STOPPED.");
        }

        var arns = store.Read(state =>
        {
            var cluster = ClusterOperations.Resolve(state, request.Cluster);
            string? serviceArn = null;
            if (!string.IsNullOrEmpty(request.ServiceName))
            {
                serviceArn = (ServiceOperations.Find(state, identity, cluster, request.ServiceName)
                    ?? throw new ApiError("ServiceNotFoundException", "Service not found.")).Arn;
            }

            return state.Tasks.Values
                .Where(t => t.ClusterName == cluster.Name)
                .Where(t => desired == TaskStatuses.Stopped ? t.DesiredStatus == TaskStatuses.Stopped : t.DesiredStatus == TaskStatuses.Running)
                .Where(t => serviceArn is null || t.ServiceArn == serviceArn)
                .Where(t => request.StartedBy is null || t.StartedBy == request.StartedBy)
                .Where(t => request.Family is null || FamilyOf(t.TaskDefinitionArn) == request.Family)
                .OrderBy(t => t.CreatedAt)
                .ThenBy(t => t.Id, StringComparer.Ordinal)
                .Select(t => t.Arn)
                .ToList();
        });
        var page = Paging.Take(arns, request.NextToken, request.MaxResults, 100);
        return new ListTasksResponse { TaskArns = page.Items, NextToken = page.NextToken };
    }

    public DescribeTasksResponse DescribeTasks(DescribeTasksRequest request)
    {
        if (request.Tasks is not { Count: > 0 })
        {
            throw ApiError.InvalidParameter("Tasks cannot be empty.");
        }

        if (request.Tasks.Count > 100)
        {
            throw ApiError.InvalidParameter("Tasks cannot contain more than 100 elements.");
        }

        var includeTags = request.Include?.Contains("TAGS") == true;
        return store.Read(state =>
        {
            var cluster = ClusterOperations.Resolve(state, request.Cluster);
            var response = new DescribeTasksResponse { Tasks = [], Failures = [] };
            foreach (var reference in request.Tasks)
            {
                var id = Names.LastSegment(reference);
                if (state.Tasks.TryGetValue(id, out var task) && task.ClusterName == cluster.Name)
                {
                    response.Tasks.Add(Projection.Task(task, includeTags));
                }
                else
                {
                    response.Failures.Add(new Failure { Arn = identity.TaskArn(cluster.Name, id), Reason = "MISSING" });
                }
            }

            return response;
        });
    }

    public RunTaskResponse RunTask(RunTaskRequest request)
    {
        var count = request.Count ?? 1;
        if (count is < 1 or > 10)
        {
            throw ApiError.InvalidParameter("count must be between 1 and 10.");
        }

        var response = store.Mutate(state =>
        {
            var cluster = ClusterOperations.Resolve(state, request.Cluster);
            var definition = TaskDefinitionOperations.Require(state, request.TaskDefinition).Definition;
            foreach (var name in request.Overrides?.ContainerOverrides?.Select(o => o.Name) ?? [])
            {
                if (definition.ContainerDefinitions?.Any(c => c.Name == name) != true)
                {
                    throw ApiError.InvalidParameter($"Override for container named {name} is not a container in the TaskDefinition.");
                }
            }

            var now = time.GetUtcNow().UtcDateTime;
            var tasks = new List<Aws.Ecs.Model.Task>();
            for (var i = 0; i < count; i++)
            {
                var task = TaskRecords.Create(
                    identity,
                    cluster,
                    definition,
                    now,
                    request.Group ?? $"family:{definition.Family}",
                    request.StartedBy,
                    request.LaunchType,
                    request.Overrides,
                    request.Tags);
                state.Tasks[task.Id] = task;
                tasks.Add(Projection.Task(task, includeTags: false));
            }

            return new RunTaskResponse { Tasks = tasks, Failures = [] };
        });
        wakeup.Wake();
        return response;
    }

    public StopTaskResponse StopTask(StopTaskRequest request)
    {
        if (string.IsNullOrEmpty(request.Task))
        {
            throw ApiError.InvalidParameter("Task can not be blank.");
        }

        var response = store.Mutate(state =>
        {
            var cluster = ClusterOperations.Resolve(state, request.Cluster);
            if (!state.Tasks.TryGetValue(Names.LastSegment(request.Task), out var task) || task.ClusterName != cluster.Name)
            {
                throw ApiError.InvalidParameter("The referenced task was not found.");
            }

            TaskRecords.RequestStop(task, "UserInitiated", string.IsNullOrEmpty(request.Reason) ? "Task stopped by user" : request.Reason, time.GetUtcNow().UtcDateTime);
            return new StopTaskResponse { Task = Projection.Task(task, includeTags: false) };
        });
        wakeup.Wake();
        return response;
    }

    public static string FamilyOf(string taskDefinitionArn)
    {
        var name = taskDefinitionArn[(taskDefinitionArn.IndexOf('/', StringComparison.Ordinal) + 1)..];
        var colon = name.LastIndexOf(':');
        return colon < 0 ? name : name[..colon];
    }
}
