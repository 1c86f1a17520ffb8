namespace Slipway.Components.Local;

/// <summary>
/// Where the local environment keeps what it started, under <c>.nuke/temp/local/</c>: each part's pid file
/// (present while a process Slipway started runs), log and state.
/// </summary>
internal sealed record LocalEnvironmentLayout(AbsolutePath Root)
{
    /// <summary><c>dockerd.pid</c>, <c>dockerd.log</c>: only when an Up had to start the engine.</summary>
    public AbsolutePath Engine => Root / "dockerd";

    /// <summary>The registry's config, blobs, pid and log, and the port it keeps across restarts.</summary>
    public AbsolutePath Registry => Root / "registry";

    public AbsolutePath RegistryPortFile => Registry / "port";

    public AbsolutePath Cloud => Root / "cloud";

    public AbsolutePath CloudPidFile => Cloud / "cloud.pid";

    public AbsolutePath CloudLogFile => Cloud / "cloud.log";

    /// <summary>The local cloud's own state (repositories, task definitions, services, tasks): survives restarts.</summary>
    public AbsolutePath CloudState => Cloud / "state";

    /// <summary>The local cloud's binaries: a private copy, so a rebuild of the solution never changes a running one.</summary>
    public AbsolutePath CloudBinaries => Cloud / "bin";

    /// <summary>The registry the running local cloud was started with: a registry on another port means a restart.</summary>
    public AbsolutePath CloudRegistryFile => Cloud / "registry";

    /// <summary>Serialises two builds bringing the same environment up or down.</summary>
    public AbsolutePath LockFile => Root / "environment.lock";
}
