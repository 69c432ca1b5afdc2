namespace AccessPmc.PassFormat;

/// <summary>
/// A setting that stops the service from starting. <see cref="Exception.Message"/> is the one line the
/// operator reads: it starts with the setting's name as an environment variable
/// (<c>Signing__Keys__1__PemFile</c>) and says what to change. Both hosts report it without a stack
/// trace, and SelfHost exits with code 2: restarting will not fix it.
/// </summary>
public sealed class SettingsException(string setting, string problem, Exception? inner = null)
    : InvalidOperationException($"{setting}: {problem}", inner)
{
    /// <summary>The setting as an operator types it, <c>__</c> for nesting.</summary>
    public string Setting { get; } = setting;
}
