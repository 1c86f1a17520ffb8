using System.Linq.Expressions;

namespace Slipway.Targets;

/// <summary>A boolean condition with its source text, so the summary can say why a target was skipped.</summary>
internal sealed class Condition
{
    private readonly Func<bool> evaluate;

    public Condition(Expression<Func<bool>> expression)
    {
        evaluate = expression.Compile();
        Text = ExpressionText.Of(expression.Body);
    }

    public string Text { get; }

    public bool Evaluate() => evaluate();
}
