using Slipway.Planning;
using Slipway.Targets;
using Slipway.Tests.Support;

namespace Slipway.Tests;

public sealed class PlanningTests
{
    private sealed class Pipeline : RecordingBuild
    {
        public bool DeployAllowed { get; set; } = true;

        Target Clean => _ => _.Before(Restore).Executes(() => Record(nameof(Clean)));

        Target Restore => _ => _.Executes(() => Record(nameof(Restore)));

        Target Compile => _ => _.DependsOn(Restore).Executes(() => Record(nameof(Compile)));

        Target Test => _ => _.DependsOn(Compile).Executes(() => Record(nameof(Test)));

        Target Publish => _ => _.DependsOn(Compile).After(Test).Executes(() => Record(nameof(Publish)));

        Target Notify => _ => _.TriggeredBy(Publish).Executes(() => Record(nameof(Notify)));

        Target Report => _ => _.Executes(() => Record(nameof(Report)));

        Target Lint => _ => _.DependentFor(Compile).Triggers(Report).Executes(() => Record(nameof(Lint)));

        Target Deploy => _ => _.DependsOn(Publish).OnlyWhenStatic(() => DeployAllowed).Executes(() => Record(nameof(Deploy)));
    }

    private static List<string> Plan(NukeBuild build, string[] invoked, SkipRequest? skip = null)
    {
        var targets = TargetDiscovery.Discover(build);
        var selected = invoked.Select(n => targets.Single(t => t.Name == n)).ToList();
        return [.. ExecutionPlanner.Plan(targets, selected, skip ?? SkipRequest.None).Targets.Select(t => t.Status == TargetStatus.Skipped ? $"{t.Name}(skipped)" : t.Name)];
    }

    /// <summary>Both targets are planned, and <paramref name="first"/> comes before <paramref name="second"/>.</summary>
    private static void AssertOrder(List<string> plan, string first, string second)
    {
        Assert.Contains(first, plan);
        Assert.Contains(second, plan);
        Assert.True(plan.IndexOf(first) < plan.IndexOf(second), $"{first} should run before {second}: {string.Join(", ", plan)}");
    }

    [Fact]
    public void Dependencies_run_before_the_targets_that_need_them()
    {
        var plan = Plan(new Pipeline(), ["Test"]);

        Assert.Equal(["Restore", "Lint", "Compile", "Test", "Report"], plan);
    }

    [Fact]
    public void Ordering_constraints_apply_only_when_both_targets_are_planned()
    {
        Assert.Equal(["Clean", "Restore"], Plan(new Pipeline(), ["Restore", "Clean"]));
        Assert.Equal(["Restore"], Plan(new Pipeline(), ["Restore"]));
    }

    [Fact]
    public void After_orders_a_target_behind_another_planned_one_without_adding_it()
    {
        var withTest = Plan(new Pipeline(), ["Publish", "Test"]);
        var withoutTest = Plan(new Pipeline(), ["Publish"]);

        AssertOrder(withTest, "Test", "Publish");
        Assert.Contains("Publish", withoutTest);
        Assert.DoesNotContain("Test", withoutTest);
    }

    [Fact]
    public void A_triggered_target_is_planned_after_its_trigger()
    {
        var plan = Plan(new Pipeline(), ["Publish"]);

        AssertOrder(plan, "Publish", "Notify");
    }

    [Fact]
    public void DependentFor_makes_the_target_a_dependency_of_the_other()
    {
        var plan = Plan(new Pipeline(), ["Compile"]);

        AssertOrder(plan, "Lint", "Compile");
    }

    [Fact]
    public void Skip_without_names_skips_every_target_that_was_not_invoked()
    {
        var plan = Plan(new Pipeline(), ["Test"], SkipRequest.From([]));

        Assert.Equal(["Restore(skipped)", "Lint(skipped)", "Compile(skipped)", "Test", "Report(skipped)"], plan);
    }

    [Fact]
    public void Skip_with_names_skips_only_those_and_keeps_their_dependencies()
    {
        var plan = Plan(new Pipeline(), ["Test"], SkipRequest.From(["compile"]));

        Assert.Equal(["Restore", "Lint", "Compile(skipped)", "Test", "Report"], plan);
    }

    [Fact]
    public void A_false_static_condition_skips_the_target_and_dependencies_nothing_else_needs()
    {
        var plan = Plan(new Pipeline { DeployAllowed = false }, ["Deploy"]);

        Assert.All(plan, p => Assert.EndsWith("(skipped)", p, StringComparison.Ordinal));
    }

    [Fact]
    public void A_false_static_condition_keeps_dependencies_another_planned_target_needs()
    {
        var plan = Plan(new Pipeline { DeployAllowed = false }, ["Deploy", "Test"]);

        Assert.Contains("Compile", plan);
        Assert.Contains("Test", plan);
        Assert.Contains("Deploy(skipped)", plan);
        Assert.Contains("Publish(skipped)", plan);
    }

    [Fact]
    public void The_skip_reason_names_the_condition()
    {
        var build = new Pipeline { DeployAllowed = false };
        var targets = TargetDiscovery.Discover(build);
        var plan = ExecutionPlanner.Plan(targets, [targets.Single(t => t.Name == "Deploy")], SkipRequest.None);

        Assert.Equal("OnlyWhenStatic(DeployAllowed) was false", plan.Targets.Single(t => t.Name == "Deploy").Note);
        Assert.Equal("only needed by skipped Deploy", plan.Targets.Single(t => t.Name == "Publish").Note);
    }

    private sealed class Cyclic : NukeBuild
    {
        Target A => _ => _.DependsOn(B);

        Target B => _ => _.DependsOn(C);

        Target C => _ => _.After(A);
    }

    [Fact]
    public void A_cycle_is_a_usage_error_that_names_the_cycle()
    {
        var targets = TargetDiscovery.Discover(new Cyclic());

        var error = Assert.Throws<UsageException>(() => ExecutionPlanner.Plan(targets, [targets[0]], SkipRequest.None));

        Assert.Contains("A → C → B → A", error.Message, StringComparison.Ordinal);
    }

    private interface ICompileComponent : INukeBuild
    {
        Target Compile => _ => _.Executes(() => { });
    }

    private sealed class WithComponent : NukeBuild, ICompileComponent
    {
        Target Pack => _ => _.DependsOn<ICompileComponent>(x => x.Compile);
    }

    [Fact]
    public void Targets_of_component_interfaces_are_found_and_can_be_depended_on()
    {
        var plan = Plan(new WithComponent(), ["Pack"]);

        Assert.Equal(["Compile", "Pack"], plan);
    }

    private interface IRestoreComponent : INukeBuild
    {
        Target Restore => _ => _.Executes(() => { });
    }

    private interface ICleanComponent : INukeBuild
    {
        Target Clean => _ => _.Before<IRestoreComponent>(x => x.Restore).Executes(() => { });
    }

    private interface IPackComponent : INukeBuild
    {
        Target Pack => _ => _.DependsOn<IRestoreComponent>(x => x.Restore).Executes(() => { });
    }

    private sealed class CleanOnly : NukeBuild, ICleanComponent;

    private sealed class CleanAndRestore : NukeBuild, ICleanComponent, IRestoreComponent;

    private sealed class PackWithoutRestore : NukeBuild, IPackComponent;

    [Fact]
    public void Ordering_on_a_component_the_build_does_not_compose_is_dropped_and_kept_when_it_does()
    {
        Assert.Equal(["Clean"], Plan(new CleanOnly(), ["Clean"]));
        Assert.Equal(["Clean", "Restore"], Plan(new CleanAndRestore(), ["Restore", "Clean"]));
    }

    [Fact]
    public void A_dependency_on_a_component_the_build_does_not_compose_is_a_usage_error()
    {
        var error = Assert.Throws<UsageException>(() => TargetDiscovery.Discover(new PackWithoutRestore()));

        Assert.Contains("refers to a component that PackWithoutRestore does not implement", error.Message, StringComparison.Ordinal);
    }
}
