namespace AccessPmc.Tests.Infrastructure;

internal static class AsyncPageable
{
    public static async Task<List<T>> ToListAsync<T>(this Azure.AsyncPageable<T> items) where T : notnull
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
