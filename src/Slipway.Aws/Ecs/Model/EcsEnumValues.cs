namespace Slipway.Aws.Ecs.Model;

/// <summary>The values the model allows for ApplicationProtocol.</summary>
public static class ApplicationProtocol
{
    public const string Http = "http";
    public const string Http2 = "http2";
    public const string Grpc = "grpc";
}

/// <summary>The values the model allows for AssignPublicIp.</summary>
public static class AssignPublicIp
{
    public const string Enabled = "ENABLED";
    public const string Disabled = "DISABLED";
}

/// <summary>The values the model allows for CPUArchitecture.</summary>
public static class CPUArchitecture
{
    public const string X8664 = "X86_64";
    public const string Arm64 = "ARM64";
}

/// <summary>The values the model allows for ClusterField.</summary>
public static class ClusterField
{
    public const string Attachments = "ATTACHMENTS";
    public const string Configurations = "CONFIGURATIONS";
    public const string Settings = "SETTINGS";
    public const string Statistics = "STATISTICS";
    public const string Tags = "TAGS";
}

/// <summary>The values the model allows for ClusterSettingName.</summary>
public static class ClusterSettingName
{
    public const string ContainerInsights = "containerInsights";
}

/// <summary>The values the model allows for Compatibility.</summary>
public static class Compatibility
{
    public const string Ec2 = "EC2";
    public const string Fargate = "FARGATE";
    public const string External = "EXTERNAL";
    public const string ManagedInstances = "MANAGED_INSTANCES";
}

/// <summary>The values the model allows for Connectivity.</summary>
public static class Connectivity
{
    public const string Connected = "CONNECTED";
    public const string Disconnected = "DISCONNECTED";
}

/// <summary>The values the model allows for ContainerCondition.</summary>
public static class ContainerCondition
{
    public const string Start = "START";
    public const string Complete = "COMPLETE";
    public const string Success = "SUCCESS";
    public const string Healthy = "HEALTHY";
}

/// <summary>The values the model allows for DeploymentControllerType.</summary>
public static class DeploymentControllerType
{
    public const string Ecs = "ECS";
    public const string CodeDeploy = "CODE_DEPLOY";
    public const string External = "EXTERNAL";
}

/// <summary>The values the model allows for DeploymentRolloutState.</summary>
public static class DeploymentRolloutState
{
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
    public const string InProgress = "IN_PROGRESS";
}

/// <summary>The values the model allows for DesiredStatus.</summary>
public static class DesiredStatus
{
    public const string Running = "RUNNING";
    public const string Pending = "PENDING";
    public const string Stopped = "STOPPED";
}

/// <summary>The values the model allows for HealthStatus.</summary>
public static class HealthStatus
{
    public const string Healthy = "HEALTHY";
    public const string Unhealthy = "UNHEALTHY";
    public const string Unknown = "UNKNOWN";
}

/// <summary>The values the model allows for IpcMode.</summary>
public static class IpcMode
{
    public const string Host = "host";
    public const string Task = "task";
    public const string None = "none";
}

/// <summary>The values the model allows for LaunchType.</summary>
public static class LaunchType
{
    public const string Ec2 = "EC2";
    public const string Fargate = "FARGATE";
    public const string External = "EXTERNAL";
    public const string ManagedInstances = "MANAGED_INSTANCES";
}

/// <summary>The values the model allows for LogDriver.</summary>
public static class LogDriver
{
    public const string JsonFile = "json-file";
    public const string Syslog = "syslog";
    public const string Journald = "journald";
    public const string Gelf = "gelf";
    public const string Fluentd = "fluentd";
    public const string Awslogs = "awslogs";
    public const string Splunk = "splunk";
    public const string Awsfirelens = "awsfirelens";
}

/// <summary>The values the model allows for NetworkMode.</summary>
public static class NetworkMode
{
    public const string Bridge = "bridge";
    public const string Host = "host";
    public const string Awsvpc = "awsvpc";
    public const string None = "none";
}

/// <summary>The values the model allows for OSFamily.</summary>
public static class OSFamily
{
    public const string WindowsServer2019Full = "WINDOWS_SERVER_2019_FULL";
    public const string WindowsServer2019Core = "WINDOWS_SERVER_2019_CORE";
    public const string WindowsServer2016Full = "WINDOWS_SERVER_2016_FULL";
    public const string WindowsServer2004Core = "WINDOWS_SERVER_2004_CORE";
    public const string WindowsServer2022Core = "WINDOWS_SERVER_2022_CORE";
    public const string WindowsServer2022Full = "WINDOWS_SERVER_2022_FULL";
    public const string WindowsServer2025Core = "WINDOWS_SERVER_2025_CORE";
    public const string WindowsServer2025Full = "WINDOWS_SERVER_2025_FULL";
    public const string WindowsServer20h2Core = "WINDOWS_SERVER_20H2_CORE";
    public const string Linux = "LINUX";
}

/// <summary>The values the model allows for PidMode.</summary>
public static class PidMode
{
    public const string Host = "host";
    public const string Task = "task";
}

/// <summary>The values the model allows for PropagateTags.</summary>
public static class PropagateTags
{
    public const string TaskDefinition = "TASK_DEFINITION";
    public const string Service = "SERVICE";
    public const string None = "NONE";
}

/// <summary>The values the model allows for SchedulingStrategy.</summary>
public static class SchedulingStrategy
{
    public const string Replica = "REPLICA";
    public const string Daemon = "DAEMON";
}

/// <summary>The values the model allows for ServiceField.</summary>
public static class ServiceField
{
    public const string Tags = "TAGS";
}

/// <summary>The values the model allows for SortOrder.</summary>
public static class SortOrder
{
    public const string Asc = "ASC";
    public const string Desc = "DESC";
}

/// <summary>The values the model allows for TaskDefinitionField.</summary>
public static class TaskDefinitionField
{
    public const string Tags = "TAGS";
}

/// <summary>The values the model allows for TaskDefinitionStatus.</summary>
public static class TaskDefinitionStatus
{
    public const string Active = "ACTIVE";
    public const string Inactive = "INACTIVE";
    public const string DeleteInProgress = "DELETE_IN_PROGRESS";
}

/// <summary>The values the model allows for TaskField.</summary>
public static class TaskField
{
    public const string Tags = "TAGS";
}

/// <summary>The values the model allows for TaskStopCode.</summary>
public static class TaskStopCode
{
    public const string TaskFailedToStart = "TaskFailedToStart";
    public const string EssentialContainerExited = "EssentialContainerExited";
    public const string UserInitiated = "UserInitiated";
    public const string ServiceSchedulerInitiated = "ServiceSchedulerInitiated";
    public const string SpotInterruption = "SpotInterruption";
    public const string TerminationNotice = "TerminationNotice";
}

/// <summary>The values the model allows for TransportProtocol.</summary>
public static class TransportProtocol
{
    public const string Tcp = "tcp";
    public const string Udp = "udp";
}
