using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccessPmc.Contracts;

/// <summary>
/// One source-generated serializer for both ends of the wire. Unknown members are refused so a
/// request cannot smuggle fields (status, issuer, dates) the API never meant to accept, and a member given
/// twice (in any case) is refused: which value wins would be the parser's choice, not the caller's.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    Converters = [typeof(OffsetTimeConverter)],
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 16)]
[JsonSerializable(typeof(IssuePassRequest))]
[JsonSerializable(typeof(PassResponse))]
[JsonSerializable(typeof(PassPage))]
[JsonSerializable(typeof(RevokePassRequest))]
[JsonSerializable(typeof(VerifyRequest))]
[JsonSerializable(typeof(VerifyResponse))]
[JsonSerializable(typeof(JsonWebKeySet))]
[JsonSerializable(typeof(RevocationList))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ApiProblem))]
[JsonSerializable(typeof(CreateClientRequest))]
[JsonSerializable(typeof(ClientResponse))]
[JsonSerializable(typeof(ClientWithKey))]
[JsonSerializable(typeof(ClientList))]
[JsonSerializable(typeof(BatchIssueRequest))]
[JsonSerializable(typeof(BatchIssueResponse))]
[JsonSerializable(typeof(HolderRequest))]
[JsonSerializable(typeof(HolderExport))]
[JsonSerializable(typeof(HolderErasure))]
[JsonSerializable(typeof(MeResponse))]
[JsonSerializable(typeof(ScanUploadRequest))]
[JsonSerializable(typeof(ScanUploadResponse))]
[JsonSerializable(typeof(DocumentBatchRequest))]
[JsonSerializable(typeof(AnomalyPage))]
[JsonSerializable(typeof(RollCall))]
[JsonSerializable(typeof(StatsResponse))]
public sealed partial class AccessPmcJson : JsonSerializerContext;
