using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AccessPmc.Contracts;
using AccessPmc.PassFormat;

namespace AccessPmc.Tests.Verification;

/// <summary>
/// What scanners and camera apps do to codes in transit: unambiguous damage is repaired, recognisable damage is
/// named in a hint beside <c>malformed</c> (never <c>bad_signature</c>: the holder is no forger), and no
/// repair ever makes a changed code valid.
/// </summary>
public sealed class DamagedCodeTests(AzuriteFixture azurite) : AppTests(azurite, "damage")
{
    /// <summary>A code signed by the app's key whose text matches <paramref name="wanted"/> (pass ids are random; a few tries suffice).</summary>
    private static string CodeWhere(Func<string, bool> wanted)
    {
        for (var i = 0; i < 10_000; i++)
        {
            var code = Codec.Code(Codec.Claims() with { Id = RandomNumberGenerator.GetBytes(16), Expiry = TestApp.Start.AddDays(3) });
            if (wanted(code))
            {
                return code;
            }
        }

        throw new InvalidOperationException("No such code in 10,000 tries.");
    }

    [Theory]
    [InlineData("{0}\r")]
    [InlineData("{0}\n")]
    [InlineData("{0}\r\n")]
    [InlineData("{0}\t")]
    [InlineData("  {0}  ")]
    [InlineData("lower")]
    public async Task TrailingControlsSpacesAndLowerCaseAreRepaired(string damage)
    {
        var pass = await App.IssuedAsync();
        var received = damage == "lower" ? pass.Code.ToLowerInvariant() : string.Format(CultureInfo.InvariantCulture, damage, pass.Code);

        var verdict = await App.VerifyAsync(received);

        Assert.Equal((VerifyResults.Valid, "J. DUPONT", null), (verdict.Result, verdict.DisplayLabel, verdict.Hint));
    }

    [Fact]
    public async Task PlusReadAsSpaceIsUnreadableWithAHintNotForged()
    {
        // Codes hold spaces of their own: the scanner's spaces must be told apart from them.
        var code = CodeWhere(c => c.Count(x => x == '+') is >= 1 and <= 3 && c.Count(x => x is '+' or ' ') <= 7 && c.Contains(' ', StringComparison.Ordinal));

        var verdict = await App.VerifyAsync(code.Replace('+', ' '));

        Assert.Equal((VerifyResults.Invalid, VerifyReasons.Malformed, VerifyHints.PlusAsSpace, null), (verdict.Result, verdict.Reason, verdict.Hint, verdict.DisplayLabel));
    }

    [Fact]
    public void PlusReadAsSpaceIsRecognisedWhereverItsRightChoiceComesWithinTheBound()
    {
        // Spaces in the signature cannot be told apart without cryptography: a code of 7 to 10 spaces has up to
        // 1023 choices. Those whose well-formed choices number at most 64 (CodeInput's bound on signature checks)
        // must be recognised, even when the right one comes late among them.
        var codes = Enumerable.Range(0, 8).Select(_ => CodeWhere(c =>
        {
            var spaces = c.Count(x => x is '+' or ' ');
            var choices = spaces is >= 7 and <= 10 ? WellFormedChoices(c.Replace('+', ' ')) : [];
            return choices.Count is > 0 and <= 64 && choices.IndexOf(c) >= 24;
        }));

        var missed = codes.Where(c => CodeInput.DamageHint(c.Replace('+', ' '), Codec.Instance) != VerifyHints.PlusAsSpace).ToList();

        Assert.Empty(missed);
    }

    private static List<string> WellFormedChoices(string damaged)
    {
        var spaces = Enumerable.Range(0, damaged.Length).Where(i => damaged[i] == ' ').ToArray();
        return Enumerable.Range(1, (1 << spaces.Length) - 1)
            .Select(mask => string.Concat(damaged.Select((ch, i) => Array.IndexOf(spaces, i) is var b and >= 0 && (mask & (1 << b)) != 0 ? '+' : ch)))
            .Where(Codec.Instance.IsWellFormed)
            .ToList();
    }

    [Fact]
    public async Task UrlDecodedCodeIsUnreadableWithAHint()
    {
        var code = CodeWhere(c => Regex.IsMatch(c, "%[89A-F][0-9A-F]"));
        var escape = Regex.Match(code, "%[89A-F][0-9A-F]").Value;
        var decoded = code.Replace(escape, ((char)Convert.ToByte(escape[1..], 16)).ToString(), StringComparison.Ordinal);

        var verdict = await App.VerifyAsync(decoded);

        Assert.Equal((VerifyReasons.Malformed, VerifyHints.UrlDecoded), (verdict.Reason, verdict.Hint));
    }

    [Theory]
    [InlineData("PMC1M")]
    [InlineData("P?C&M")]
    public async Task QwertyScannerOnAnAzertyMachineIsUnreadableWithAHint(string prefix)
    {
        var code = CodeWhere(c => c.Contains('-', StringComparison.Ordinal));

        var verdict = await App.VerifyAsync(prefix + code[5..].Replace('-', ')'));

        Assert.Equal((VerifyReasons.Malformed, VerifyHints.KeyboardLayout), (verdict.Reason, verdict.Hint));
    }

    [Fact]
    public async Task AForgedCodeGetsNoHint()
    {
        var pass = await App.IssuedAsync();
        var forged = pass.Code[..^3] + (pass.Code[^3] == 'A' ? 'B' : 'A') + pass.Code[^2..];

        var verdict = await App.VerifyAsync(forged);

        Assert.Equal((VerifyResults.Invalid, null, null), (verdict.Result, verdict.Hint, verdict.DisplayLabel));
    }

    [Fact]
    public void NoSingleCharacterChangeIsMadeValidByTheRepairs()
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz $%*+-./:\r\n\t";
        var code = Codec.Code();
        for (var i = 0; i < code.Length; i++)
        {
            foreach (var c in alphabet.Where(c => char.ToUpperInvariant(c) != code[i]))
            {
                var received = CodeInput.Normalize(string.Concat(code.AsSpan(0, i), c.ToString(), code.AsSpan(i + 1)));
                Assert.True(Codec.Verdict(received) is not null, $"Changing position {i} to '{c}' was accepted.");
            }
        }
    }
}
