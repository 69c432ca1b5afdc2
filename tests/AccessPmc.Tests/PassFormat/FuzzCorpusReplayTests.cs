using System.Text;
using AccessPmc.PassFormat;

namespace AccessPmc.Tests.PassFormat;

/// <summary>
/// Replays the code target's inputs: what the fuzzer kept (fuzz/corpus) and any code it ever crashed on (fuzz/crashes), through the same
/// two readings as the harness: UTF-8 and raw Latin-1. Each must be a valid reading or a reasoned rejection.
/// </summary>
public sealed class FuzzCorpusReplayTests
{
    private static readonly string[] Folders = ["corpus", "crashes"];

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Folders)
        {
            var dir = Path.Combine(RepoPaths.Root, "fuzz", folder);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(dir).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
            {
                data.Add(Path.Combine(folder, Path.GetFileName(file)));
            }
        }

        // Always one case, so the theory never silently vanishes; it also checks the corpus is there.
        data.Add("<corpus-present>");
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void FuzzInputIsReadWithoutException(string input)
    {
        if (input == "<corpus-present>")
        {
            var corpus = Path.Combine(RepoPaths.Root, "fuzz", "corpus");
            Assert.True(Directory.Exists(corpus) && Directory.EnumerateFiles(corpus).Any(f => !Path.GetFileName(f).StartsWith('.')), $"{corpus} is empty.");
            return;
        }

        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "fuzz", input));
        foreach (var code in new[] { Encoding.UTF8.GetString(bytes), Encoding.Latin1.GetString(bytes) })
        {
            var reading = Codec.Instance.Read(code);
            AssertReasonedOrValid(reading);

            var reason = Codec.Verdict(code);
            if (reading.Claims is null)
            {
                Assert.Equal(reading.Reason, reason);
            }
        }
    }

    private static void AssertReasonedOrValid(CodeReading reading)
    {
        if (reading.Claims is null)
        {
            Assert.NotNull(reading.Reason);
        }
        else
        {
            Assert.Null(reading.Reason);
        }
    }
}
