namespace AccessPmc.Functions.Passes; public sealed class BatchIssuer;
