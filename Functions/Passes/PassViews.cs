using AccessPmc.Contracts;
using Microsoft.AspNetCore.Http;

namespace AccessPmc.Functions.Passes;

public static class PassViews
{
    public static PassResponse ToResponse(this PassEntity pass, HttpRequest request)
    {
        var self = $"{ApiBase(request)}/passes/{pass.Id}";
        return new PassResponse(
            pass.Id, pass.Code ?? "", pass.Kind, pass.Status, pass.ValidFrom, pass.ValidUntil, pass.SiteList, pass.Unit,
            pass.DisplayLabel, pass.GivenName, pass.FamilyName, pass.IssuedAt, pass.RevokedAt, pass.RevocationReason,
            new PassLinks(self, $"{self}/qr?format=png", $"{self}/qr?format=svg", $"{self}/revoke", $"{self}/document"));
    }

    /// <summary>The route prefix as this request saw it, so links stay right whatever host.json says.</summary>
    private static string ApiBase(HttpRequest request)
    {
        var path = request.PathBase.Add(request.Path).Value ?? "";
        var at = path.IndexOf("/passes", StringComparison.OrdinalIgnoreCase);
        return at >= 0 ? path[..at] : "/api";
    }
}
