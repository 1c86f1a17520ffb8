using System.Linq.Expressions;
using System.Text.RegularExpressions;

namespace Slipway.Targets;

/// <summary>Turns a lambda body into readable text: <c>value(Build).IsServerBuild</c> becomes <c>IsServerBuild</c>.</summary>
internal static partial class ExpressionText
{
    public static string Of(Expression expression)
    {
        var text = expression.ToString();
        text = ClosureAccess().Replace(text, string.Empty);
        return text.Replace("AndAlso", "&&", StringComparison.Ordinal).Replace("OrElse", "||", StringComparison.Ordinal);
    }

    public static string MemberName(LambdaExpression expression) =>
        expression.Body switch
        {
            MemberExpression member => member.Member.Name,
            UnaryExpression { Operand: MemberExpression member } => member.Member.Name,
            _ => Of(expression.Body),
        };

    /// <summary>The field or property a lambda reads (<c>() =&gt; Registry</c>), or null for anything else.</summary>
    public static System.Reflection.MemberInfo? Member(LambdaExpression expression) =>
        expression.Body switch
        {
            MemberExpression member => member.Member,
            UnaryExpression { Operand: MemberExpression member } => member.Member,
            _ => null,
        };

    [GeneratedRegex(@"value\([^)]*\)\.|Convert\(|, \w+\)")]
    private static partial Regex ClosureAccess();
}
