using Corps.Abstractions;
using Corps.Feishu.Wire;

namespace Corps.Feishu.Contacts;

/// <summary>Reads a whole paged listing into memory, starting over when the server refuses a page token.</summary>
/// <remarks>A refused page token (40011/40012; legacy 40009) means the listing changed or the token expired between
/// pages: the same token will not work again, but reading the listing afresh does. Bounded, so a listing that
/// never settles still fails loudly.</remarks>
internal static class PagedList
{
    private const int MaxRestarts = 3;

    public static async Task<List<T>> ReadAllAsync<TPage, T>(Func<IAsyncEnumerable<TPage>> pages, Func<TPage, IEnumerable<T>?> items)
        where TPage : IWirePage
    {
        for (var restart = 0; ; restart++)
        {
            var all = new List<T>();
            try
            {
                await foreach (var page in pages().ConfigureAwait(false))
                    all.AddRange(items(page) ?? []);
                return all;
            }
            catch (UpstreamException ex) when (ex.Code is 40011 or 40012 or 40009 && restart < MaxRestarts)
            {
                // Start over: the items read so far may have shifted.
            }
        }
    }
}
