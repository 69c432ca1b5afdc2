using System.Diagnostics;

namespace AccessPmc.Load;

public sealed record LoadResult(double PerSecond, double P50Ms, double P99Ms, int Errors, int Completed);

/// <summary>
/// A bounded HTTP load: closed loop (N workers back to back) to find saturation, or open loop at a
/// fixed rate with latency measured from each request's scheduled start (no coordinated omission).
/// </summary>
public sealed class HttpLoad(HttpClient http, Func<HttpRequestMessage> request)
{
    public async Task<LoadResult> ClosedAsync(int workers, TimeSpan duration)
    {
        var latencies = new List<double>[workers];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            var mine = latencies[w] = [];
            while (clock.Elapsed < duration)
            {
                var start = clock.Elapsed;
                if (!await SendAsync())
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add((clock.Elapsed - start).TotalMilliseconds);
            }
        }));
        return Summarise(latencies.SelectMany(l => l).ToList(), errors, clock.Elapsed);
    }

    public async Task<LoadResult> OpenAsync(double rate, TimeSpan duration, int maxInFlight = 1024)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var errors = 0;
        var gate = new SemaphoreSlim(maxInFlight);
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var scheduled = TimeSpan.FromSeconds(i / rate);
            var wait = scheduled - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            await gate.WaitAsync();
            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                if (!await SendAsync())
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[index] = (clock.Elapsed - scheduled).TotalMilliseconds;
                gate.Release();
            }));
        }

        await Task.WhenAll(inFlight);
        return Summarise([.. latencies], errors, clock.Elapsed);
    }

    private async Task<bool> SendAsync()
    {
        try
        {
            using var response = await http.SendAsync(request());
            await response.Content.CopyToAsync(Stream.Null);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static LoadResult Summarise(List<double> latencies, int errors, TimeSpan elapsed)
    {
        latencies.Sort();
        double At(double q) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
        return new LoadResult(latencies.Count / elapsed.TotalSeconds, At(0.50), At(0.99), errors, latencies.Count);
    }
}
