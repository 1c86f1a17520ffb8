using System.Runtime.CompilerServices;

namespace Slipway.Aws;

/// <summary>
/// Follows <c>nextToken</c> through the pages of a list operation, like AWSSDK's paginators: <see cref="Responses"/>
/// yields every page, <see cref="Items"/> the items of every page. Like AWSSDK's, it sets <c>NextToken</c> on the
/// request it was given; enumerate once.
/// </summary>
public sealed class Paginator<TResponse, TItem>
{
    private readonly Func<string?, CancellationToken, Task<TResponse>> fetch;
    private readonly Func<TResponse, string?> nextToken;
    private readonly Func<TResponse, IEnumerable<TItem>?> items;
    private readonly string? firstToken;

    internal Paginator(string? firstToken, Func<string?, CancellationToken, Task<TResponse>> fetch, Func<TResponse, string?> nextToken, Func<TResponse, IEnumerable<TItem>?> items)
    {
        this.firstToken = firstToken;
        this.fetch = fetch;
        this.nextToken = nextToken;
        this.items = items;
    }

    public IAsyncEnumerable<TResponse> Responses => EnumerateResponses();

    public IAsyncEnumerable<TItem> Items => EnumerateItems();

    private async IAsyncEnumerable<TResponse> EnumerateResponses([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var token = firstToken;
        while (true)
        {
            var response = await fetch(token, cancellationToken);
            yield return response;
            var next = nextToken(response);
            if (string.IsNullOrEmpty(next))
            {
                yield break;
            }

            // A service (or emulator) that hands back the token it was given would otherwise loop forever.
            if (next == token)
            {
                throw new InvalidOperationException($"The service returned the same nextToken twice while paging {typeof(TResponse).Name}.");
            }

            token = next;
        }
    }

    private async IAsyncEnumerable<TItem> EnumerateItems([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var response in EnumerateResponses(cancellationToken))
        {
            foreach (var item in items(response) ?? [])
            {
                yield return item;
            }
        }
    }
}
