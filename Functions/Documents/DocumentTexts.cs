using AccessPmc.Contracts;

namespace AccessPmc.Functions.Documents;

/// <summary>
/// The string catalogue of the printed documents, one instance per language (French by default). Templates use
/// composite-format holes ({0}, {1}); French texts use no-break spaces before colons and inside guillemets.
/// </summary>
public sealed record DocumentTexts
{
    public static readonly DocumentTexts French = new()
    {
        Language = DocumentLanguages.French,
        DocumentTitle = "Laissez-passer",
        TitleTemporary = "Laissez-passer temporaire",
        TitleLongTerm = "Laissez-passer longue durée",
        TitleAttestation = "Attestation d’accès",
        PassNumber = "N°\u00A0{0}",
        Holder = "Titulaire",
        Unit = "Unité",
        Sites = "Sites",
        ValidFrom = "Valable à partir du",
        ValidUntil = "Valable jusqu’au",
        LocalTime = "Heures locales du site",
        Issued = "Délivré",
        IssuedValue = "le {0} par l’unité {1}",
        ShowCode = "Présentez ce code à l’agent de contrôle, imprimé ou sur l’écran de votre téléphone.",
        HowCheckedTitle = "Comment ce document est vérifié",
        HowChecked = "Le code QR porte la signature électronique de {0}\u00A0: l’agent le lit avec un lecteur qui vérifie la signature, "
            + "les dates de validité, le site et, en ligne, que le laissez-passer n’a pas été révoqué. Le code contient l’identifiant "
            + "du laissez-passer, sa nature, ses sites, ses dates et {1}\u00A0; aucune autre donnée personnelle. "
            + "Seul le code fait foi\u00A0: modifier le texte imprimé ne change rien à ce que lit l’agent, et toute modification du code le rend invalide.",
        Label = "l’étiquette «\u00A0{0}\u00A0»",
        NoLabel = "aucun nom",
        PrivacyTitle = "Données personnelles",
        Privacy = "Responsable du traitement\u00A0: {0}. Finalité\u00A0: {1}. Données\u00A0: nom et prénom, unité, sites et dates de validité\u00A0; "
            + "chaque contrôle est journalisé (site, heure, résultat). Conservation\u00A0: {2}. "
            + "Pour exercer vos droits (accès, rectification, effacement)\u00A0: {3}.",
        DefaultPurpose = "contrôle de l’accès aux sites de l’établissement",
        Retention = "{0} après la fin de validité ou la révocation du laissez-passer\u00A0; journaux de contrôle {1}",
        Days = "{0}\u00A0jours",
        Hours = "{0}\u00A0heures",
        RevokedMark = "RÉVOQUÉ",
        ExpiredMark = "EXPIRÉ",
        RevokedDetail = "Révoqué le {0}\u00A0: ce laissez-passer n’ouvre plus l’accès.",
        ExpiredDetail = "Expiré le {0}\u00A0: ce laissez-passer n’ouvre plus l’accès.",
        Substituted = "\uFFFD\u00A0: caractère que la police du document ne peut pas imprimer.",
        DateFormat = "dd/MM/yyyy HH:mm",
        RefusedTitle = "Éléments refusés",
        RefusedSummary = "Documents imprimés\u00A0: {0}. Identifiants refusés\u00A0: {1}.",
        RefusedPosition = "Position",
        RefusedId = "Identifiant",
        RefusedReason = "Motif",
        ReasonNotFound = "introuvable (404)",
        ReasonErased = "données effacées (410)",
        ReasonMalformed = "identifiant mal formé (400)",
    };

    public static readonly DocumentTexts English = new()
    {
        Language = DocumentLanguages.English,
        DocumentTitle = "Access passes",
        TitleTemporary = "Temporary access pass",
        TitleLongTerm = "Long-term access pass",
        TitleAttestation = "Access certificate",
        PassNumber = "No. {0}",
        Holder = "Holder",
        Unit = "Unit",
        Sites = "Sites",
        ValidFrom = "Valid from",
        ValidUntil = "Valid until",
        LocalTime = "Local time of the site",
        Issued = "Issued",
        IssuedValue = "on {0} by unit {1}",
        ShowCode = "Show this code to the security agent, printed or on your phone’s screen.",
        HowCheckedTitle = "How this document is checked",
        HowChecked = "The QR code carries the electronic signature of {0}: the agent reads it with a scanner that checks the signature, "
            + "the validity dates, the site and, online, that the pass has not been revoked. The code holds the pass identifier, "
            + "its kind, sites and dates, and {1}; no other personal data. Only the code counts: editing the printed text changes "
            + "nothing the agent reads, and any change to the code makes it invalid.",
        Label = "the label “{0}”",
        NoLabel = "no name",
        PrivacyTitle = "Personal data",
        Privacy = "Data controller: {0}. Purpose: {1}. Data: given and family name, unit, sites and validity dates; "
            + "each check is logged (site, time, result). Retention: {2}. "
            + "To exercise your rights (access, rectification, erasure): {3}.",
        DefaultPurpose = "control of access to the institution’s sites",
        Retention = "{0} after the pass ends or is revoked; check logs {1}",
        Days = "{0} days",
        Hours = "{0} hours",
        RevokedMark = "REVOKED",
        ExpiredMark = "EXPIRED",
        RevokedDetail = "Revoked on {0}: this pass no longer grants access.",
        ExpiredDetail = "Expired on {0}: this pass no longer grants access.",
        Substituted = "\uFFFD: a character the document’s font cannot print.",
        DateFormat = "yyyy-MM-dd HH:mm",
        RefusedTitle = "Refused items",
        RefusedSummary = "Documents printed: {0}. Ids refused: {1}.",
        RefusedPosition = "Position",
        RefusedId = "Id",
        RefusedReason = "Reason",
        ReasonNotFound = "not found (404)",
        ReasonErased = "data erased (410)",
        ReasonMalformed = "malformed id (400)",
    };

    public required string Language { get; init; }
    public required string DocumentTitle { get; init; }
    public required string TitleTemporary { get; init; }
    public required string TitleLongTerm { get; init; }
    public required string TitleAttestation { get; init; }
    public required string PassNumber { get; init; }
    public required string Holder { get; init; }
    public required string Unit { get; init; }
    public required string Sites { get; init; }
    public required string ValidFrom { get; init; }
    public required string ValidUntil { get; init; }
    public required string LocalTime { get; init; }
    public required string Issued { get; init; }
    public required string IssuedValue { get; init; }
    public required string ShowCode { get; init; }
    public required string HowCheckedTitle { get; init; }
    public required string HowChecked { get; init; }
    public required string Label { get; init; }
    public required string NoLabel { get; init; }
    public required string PrivacyTitle { get; init; }
    public required string Privacy { get; init; }
    public required string DefaultPurpose { get; init; }
    public required string Retention { get; init; }
    public required string Days { get; init; }
    public required string Hours { get; init; }
    public required string RevokedMark { get; init; }
    public required string ExpiredMark { get; init; }
    public required string RevokedDetail { get; init; }
    public required string ExpiredDetail { get; init; }
    public required string Substituted { get; init; }
    public required string DateFormat { get; init; }
    public required string RefusedTitle { get; init; }
    public required string RefusedSummary { get; init; }
    public required string RefusedPosition { get; init; }
    public required string RefusedId { get; init; }
    public required string RefusedReason { get; init; }
    public required string ReasonNotFound { get; init; }
    public required string ReasonErased { get; init; }
    public required string ReasonMalformed { get; init; }

    /// <summary>The catalogue for <paramref name="language"/> (<c>fr</c> or <c>en</c>, any case), or null.</summary>
    public static DocumentTexts? For(string language) => language.ToLowerInvariant() switch
    {
        DocumentLanguages.French => French,
        DocumentLanguages.English => English,
        _ => null,
    };

    /// <summary>The title for a kind; a kind the catalogue does not know is printed as it is stored.</summary>
    public string Title(string kind) => kind switch
    {
        PassKinds.Temporary => TitleTemporary,
        PassKinds.LongTerm => TitleLongTerm,
        PassKinds.Attestation => TitleAttestation,
        _ => kind,
    };
}
