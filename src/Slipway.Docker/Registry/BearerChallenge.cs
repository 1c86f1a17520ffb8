namespace Slipway.Docker;

/// <summary>Parses the parameters of <c>WWW-Authenticate: Bearer realm="…",service="…",scope="…"</c>.</summary>
internal static class BearerChallenge
{
    public static Dictionary<string, string> Parse(string parameters)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < parameters.Length)
        {
            while (i < parameters.Length && (parameters[i] == ',' || char.IsWhiteSpace(parameters[i])))
            {
                i++;
            }

            var equals = parameters.IndexOf('=', i);
            if (equals < 0)
            {
                break;
            }

            var name = parameters[i..equals].Trim();
            i = equals + 1;
            string value;
            if (i < parameters.Length && parameters[i] == '"')
            {
                // Quoted values may hold commas (scope="repository:a:pull,push").
                var close = parameters.IndexOf('"', i + 1);
                // Stryker disable once Equality : close is -1 or at least i + 1 (> 0), never 0
                close = close < 0 ? parameters.Length : close;
                value = parameters[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                var comma = parameters.IndexOf(',', i);
                // Stryker disable once Equality : comma is -1 or at least i (> 0, after the '='), never 0
                comma = comma < 0 ? parameters.Length : comma;
                value = parameters[i..comma].Trim();
                i = comma;
            }

            result[name] = value;
        }

        return result;
    }
}
