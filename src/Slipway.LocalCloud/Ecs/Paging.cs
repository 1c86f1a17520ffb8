using System.Globalization;
using Slipway.LocalCloud.Protocol;

namespace Slipway.LocalCloud.Ecs;

/// <summary><c>nextToken</c>/<c>maxResults</c> paging over a list computed per call; the token is an opaque offset.</summary>
internal static class Paging
{
    public static (List<T> Items, string? NextToken) Take<T>(List<T> all, string? nextToken, int? maxResults, int limit)
    {
        var offset = 0;
        if (!string.IsNullOrEmpty(nextToken))
        {
            try
            {
                offset = int.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(nextToken)), NumberStyles.None, CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                throw ApiError.InvalidParameter("Invalid nextToken: pass the nextToken of the previous response unchanged.");
            }
        }

        var size = maxResults is > 0 ? Math.Min(maxResults.Value, limit) : limit;
        var items = all.Skip(offset).Take(size).ToList();
        var next = offset + items.Count < all.Count
            ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes((offset + items.Count).ToString(CultureInfo.InvariantCulture)))
            : null;
        return (items, next);
    }
}
