using System.Linq.Expressions;

namespace Slipway.Targets;

/// <summary>Something a target needs before the build starts: a parameter with a value, or a condition.</summary>
internal sealed class Requirement
{
    private readonly Func<bool> isMet;

    private Requirement(string parameterName, string? conditionText, Func<bool> isMet)
    {
        ParameterName = parameterName;
        ConditionText = conditionText;
        this.isMet = isMet;
    }

    /// <summary>The member name of the required parameter, or empty for a condition.</summary>
    public string ParameterName { get; }

    public string? ConditionText { get; }

    public bool IsMet() => isMet();

    public static Requirement ForValue<T>(Expression<Func<T>> parameter)
    {
        var read = parameter.Compile();
        return new Requirement(ExpressionText.MemberName(parameter), null, () => HasValue(read()));
    }

    public static Requirement ForCondition(Expression<Func<bool>> condition)
    {
        var read = condition.Compile();
        return new Requirement(string.Empty, ExpressionText.Of(condition.Body), read);
    }

    private static bool HasValue(object? value) =>
        value switch
        {
            null => false,
            string text => !string.IsNullOrWhiteSpace(text),
            System.Collections.ICollection collection => collection.Count > 0,
            _ => true,
        };
}
