using Slipway.Parameters;
using Slipway.Workflows;

namespace Slipway.Tests.Workflows;

/// <summary>A wrong declaration stops the generation with a message that names the attribute and the fix; a
/// target or parameter the build lacks is only a warning, because a workflow may be declared before its target.</summary>
public sealed class DeclarationErrorTests : IDisposable
{
    private static readonly string[] Targets = ["Test", "Publish", "Deploy"];

    private readonly WorkflowTestRepository repository = new();

    [GitHubActions("w", InvokedTargets = ["Test"])]
    private sealed class NoTrigger;

    [GitHubActions("w", OnPush = true)]
    private sealed class NoJob;

    [GitHubActions("w", OnPush = true, InvokedTargets = ["Test"], Permissions = ["content: read"])]
    private sealed class MisspelledPermission;

    [GitHubActions("w", OnPush = true, InvokedTargets = ["Test"], Permissions = ["contents: admin"])]
    private sealed class BadPermissionLevel;

    [GitHubActions("w", OnPush = true, InvokedTargets = ["Test"])]
    [GitHubActionsJob("w", "deploy", InvokedTargets = ["Deploy"], Needs = ["tset"])]
    private sealed class UnknownNeed;

    [GitHubActions("w", OnPush = true)]
    [GitHubActionsJob("w", "a", InvokedTargets = ["Test"], Needs = ["b"])]
    [GitHubActionsJob("w", "b", InvokedTargets = ["Test"], Needs = ["a"])]
    private sealed class NeedsCycle;

    [GitHubActions("w", OnPush = true, InvokedTargets = ["Test"])]
    [GitHubActionsJob("w", "deploy", InvokedTargets = ["Deploy"], DownloadArtifacts = ["publish=artifacts/publish"])]
    private sealed class DownloadWithoutUpload;

    [GitHubActions("w", OnPush = true, InvokedTargets = ["Test"])]
    [GitHubActionsInput("w", "version", Description = "Version")]
    private sealed class InputWithoutDispatch;

    [GitHubActions("w", OnWorkflowDispatch = true, InvokedTargets = ["Test"])]
    [GitHubActionsInput("w", "target", Description = "Target", Options = ["staging", "production"], Default = "prod")]
    private sealed class DefaultNotAChoice;

    [GitHubActions("w", OnWorkflowDispatch = true, InvokedTargets = ["Test"])]
    [GitHubActionsInput("w", "target", Options = ["staging"])]
    private sealed class InputWithoutDescription;

    [GitHubActions("w", OnWorkflowDispatch = true, InvokedTargets = ["Test"], Parameters = ["Version=${{ inputs.verison }}"])]
    [GitHubActionsInput("w", "version", Description = "Version")]
    private sealed class UndeclaredInput;

    [GitHubActions("w", OnWorkflowDispatch = true, InvokedTargets = ["Test"], JobConcurrencyGroup = "environment-${{ inputs.target }}")]
    [GitHubActionsInput("w", "environment", Description = "Environment", Options = ["staging"])]
    private sealed class UndeclaredInputInConcurrency;

    [GitHubActions("w", OnCronSchedule = ["every monday"], InvokedTargets = ["Test"])]
    private sealed class BadCron;

    [GitHubActions("w", OnPush = true, InvokedTargets = ["Test"], Parameters = ["Password=hunter2"])]
    private sealed class SecretAsParameter
    {
        [Parameter("Password"), Secret]
        string? Password { get; init; }
    }

    [GitHubActions("w", OnPush = true, InvokedTargets = ["Test"], Parameters = ["Version"])]
    private sealed class ParameterWithoutValue;

    [GitHubActions("w", OnPush = true, InvokedTargets = ["Test"])]
    [GitHubActionsUses("w", "deploy", "aws-actions/configure-aws-credentials@v4")]
    private sealed class UsesInUnknownJob;

    [GitHubActions("w", OnPush = true, InvokedTargets = ["Test"])]
    [GitHubActionsJob("v", "deploy", InvokedTargets = ["Deploy"])]
    private sealed class JobOfUnknownWorkflow;

    [GitHubActions("w", OnPush = true, InvokedTargets = ["Test"])]
    [GitHubActions("w", OnPush = true, InvokedTargets = ["Test"])]
    private sealed class SameWorkflowTwice;

    [GitHubActions("w", OnPush = true, InvokedTargets = ["Test"], TimeoutMinutes = -5)]
    private sealed class NegativeTimeout;

    public static TheoryData<Type, string> Invalid => new()
    {
        { typeof(NoTrigger), "[GitHubActions(\"w\")]: the workflow has no trigger: set OnPush" },
        { typeof(NoJob), "[GitHubActions(\"w\")]: the workflow has no job: set InvokedTargets" },
        { typeof(MisspelledPermission), "permission scope 'content' does not exist. Did you mean 'contents'?" },
        { typeof(BadPermissionLevel), "permission level 'admin' of 'contents' is not read, write or none." },
        { typeof(UnknownNeed), "job 'deploy' of workflow 'w': needs 'tset', which is not a job of the workflow. Did you mean 'test'?" },
        { typeof(NeedsCycle), "job 'a' of workflow 'w': its needs lead back to itself (a cycle)." },
        { typeof(DownloadWithoutUpload), "downloads artifact 'publish', which no job it needs uploads" },
        { typeof(InputWithoutDispatch), "[GitHubActions(\"w\")]: it has inputs but cannot be dispatched: set OnWorkflowDispatch = true." },
        { typeof(DefaultNotAChoice), "[GitHubActionsInput(\"w\", \"target\")]: the default 'prod' is not one of the choices: staging, production." },
        { typeof(InputWithoutDescription), "[GitHubActionsInput(\"w\", \"target\")]: set Description" },
        { typeof(UndeclaredInput), "reads input 'verison', which the workflow does not declare. Did you mean 'version'?" },
        { typeof(UndeclaredInputInConcurrency), "'environment-${{ inputs.target }}' reads input 'target', which the workflow does not declare." },
        { typeof(BadCron), "schedule 'every monday' is not a cron expression of five fields" },
        { typeof(SecretAsParameter), "Parameters names the secret 'Password': use ImportSecrets" },
        { typeof(ParameterWithoutValue), "Parameters entry 'Version' is not 'Name=value'." },
        { typeof(UsesInUnknownJob), "[GitHubActionsUses(\"w\", \"deploy\", …)]: workflow 'w' has no job 'deploy'." },
        { typeof(JobOfUnknownWorkflow), "[GitHubActionsJob(\"v\", \"deploy\")]: no [GitHubActions(\"v\")] declares that workflow. Did you mean 'w'?" },
        { typeof(SameWorkflowTwice), "a workflow of that name is declared twice." },
        { typeof(NegativeTimeout), "TimeoutMinutes is -5; use a positive number of minutes" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_declaration_is_an_error_that_names_the_attribute_and_the_fix(Type build, string expected)
    {
        var error = Assert.Throws<UsageException>(() => Generate(build));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("The workflow declarations are invalid:", error.Message, StringComparison.Ordinal);
    }

    [GitHubActions("w", OnPush = true, InvokedTargets = ["Tset", "Promote"], Parameters = ["Enviroment=staging"])]
    private sealed class NotYetDefined
    {
        [Parameter("Environment")]
        string? Environment { get; init; }
    }

    [Fact]
    public void A_target_or_parameter_the_build_lacks_is_a_warning_with_a_suggestion_and_the_file_is_still_written()
    {
        var generated = Generate(typeof(NotYetDefined));
        Assert.Single(generated.Files);
        Assert.Contains(generated.Warnings, w => w.Contains("target 'Tset' is not defined in this build (yet): the job fails until it is. Did you mean 'Test'?", StringComparison.Ordinal));
        Assert.Contains(generated.Warnings, w => w.Contains("target 'Promote' is not defined", StringComparison.Ordinal));
        Assert.Contains(generated.Warnings, w => w.Contains("parameter 'Enviroment' is not defined in this build (yet)", StringComparison.Ordinal) && w.Contains("Did you mean 'Environment'?", StringComparison.Ordinal));
    }

    [GitHubActions("w", OnWorkflowDispatch = true, InvokedTargets = ["Deploy"])]
    [GitHubActionsInput("w", "target", Description = "Where", Default = "production", OptionsFromFiles = "environments/*.json")]
    [GitHubActionsUses("w", "deploy", "aws-actions/configure-aws-credentials@v4", With = ["role-to-assume=@environments/production.json#awsRoleArn|roleArn"])]
    private sealed class FromRepositoryFiles;

    [Fact]
    public void Missing_files_leave_a_placeholder_that_names_the_field_and_file_and_a_warning()
    {
        var generated = Generate(typeof(FromRepositoryFiles));
        var workflow = ParsedWorkflow.Parse(generated.Files[0].Content);
        Assert.Equal("SET-awsRoleArn-IN-environments/production.json", ParsedWorkflow.Value(workflow.Step("deploy", "aws-actions/configure-aws-credentials"), "with", "role-to-assume"));
        Assert.Equal(["production"], workflow.Strings("on", "workflow_dispatch", "inputs", "target", "options"));
        Assert.Contains(generated.Warnings, w => w.Contains("environments/production.json does not exist", StringComparison.Ordinal));
        Assert.Contains(generated.Warnings, w => w.Contains("no file matches 'environments/*.json'", StringComparison.Ordinal));
    }

    [Fact]
    public void Adding_an_environment_file_adds_a_choice_and_an_alternative_field_name_is_read()
    {
        repository.Write("environments/production.json", """{ "roleArn": "arn:aws:iam::210987654321:role/deploy" }""");
        repository.Write("environments/qa.json", "{}");
        var generated = Generate(typeof(FromRepositoryFiles));
        var workflow = ParsedWorkflow.Parse(generated.Files[0].Content);
        Assert.Equal("arn:aws:iam::210987654321:role/deploy", ParsedWorkflow.Value(workflow.Step("deploy", "aws-actions/configure-aws-credentials"), "with", "role-to-assume"));
        Assert.Equal(["production", "qa"], workflow.Strings("on", "workflow_dispatch", "inputs", "target", "options"));
        Assert.Empty(generated.Warnings);
    }

    [Fact]
    public void A_malformed_json_file_is_an_error_naming_it()
    {
        repository.Write("environments/production.json", "{ \"awsRoleArn\": ");
        var error = Assert.Throws<UsageException>(() => Generate(typeof(FromRepositoryFiles)));
        Assert.Contains("environments/production.json is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    private GeneratedWorkflows Generate(Type build) =>
        GeneratedWorkflows.Generate(build, Targets, ParameterMember.Discover(build), repository.Root);

    public void Dispose() => repository.Dispose();
}
