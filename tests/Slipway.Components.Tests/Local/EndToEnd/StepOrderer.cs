using Xunit.Abstractions;
using Xunit.Sdk;

namespace Slipway.Components.Tests.Local.EndToEnd;

/// <summary>Runs the tests of a class by their <see cref="StepAttribute"/>: each step starts from where the one before left the clone.</summary>
public sealed class StepOrderer : ITestCaseOrderer
{
    public const string Name = "Slipway.Components.Tests.Local.EndToEnd.StepOrderer";
    public const string Assembly = "Slipway.Components.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(c => c.TestMethod.Method.GetCustomAttributes(typeof(StepAttribute).AssemblyQualifiedName!).FirstOrDefault()?.GetNamedArgument<int>(nameof(StepAttribute.Number)) ?? int.MaxValue);
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class StepAttribute : Attribute
{
    public int Number { get; set; }
}
