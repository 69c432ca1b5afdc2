namespace AccessPmc.SelfHost;

/// <summary>A reason not to start, worded as the one line the operator will read.</summary>
public sealed class SelfHostStartupException(string message) : Exception(message);
