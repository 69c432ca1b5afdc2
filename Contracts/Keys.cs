using System.Text.Json.Serialization;

namespace AccessPmc.Contracts;

/// <summary>RFC 7517 key as published for offline scanners (EC P-256 public keys only).</summary>
public sealed record JsonWebKey(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("crv")] string Crv,
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] string Y,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("alg")] string Alg,
    [property: JsonPropertyName("use")] string Use);

public sealed record JsonWebKeySet([property: JsonPropertyName("keys")] IReadOnlyList<JsonWebKey> Keys);

public sealed record RevokedPass(string Id, DateTimeOffset RevokedAt, DateTimeOffset ValidUntil);

/// <summary>Incremental revocation list: pass <see cref="Cursor"/> back as <c>since</c> to get only newer entries.</summary>
public sealed record RevocationList(IReadOnlyList<RevokedPass> Revoked, string Cursor, DateTimeOffset GeneratedAt);

public sealed record HealthResponse(string Status, string Storage);
