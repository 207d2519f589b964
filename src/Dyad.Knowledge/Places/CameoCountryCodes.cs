namespace Dyad.Knowledge.Places;

/// <summary>
/// The country codes Dyad writes: ISO 3166-1 alpha-3, except where CAMEO and the Phoenix dictionaries use their own
/// code for a country ISO has none for. Kosovo is <c>KSV</c> in CAMEO; GeoNames and the country lists give the
/// user-assigned <c>XKX</c>. Applied when the places index is loaded, so countries, regions, places, capitals and
/// demonyms agree with the dictionaries' actor codes.
/// </summary>
public static class CameoCountryCodes
{
    public const string Kosovo = "KSV";
    private const string KosovoIso = "XKX";

    /// <summary>The CAMEO code for an ISO 3166-1 alpha-3 code (the code itself for every country but Kosovo).</summary>
    public static string FromIso3(string iso3) =>
        string.Equals(iso3, KosovoIso, StringComparison.OrdinalIgnoreCase) ? Kosovo : iso3;

    /// <summary>The ISO code a CAMEO country code stands for, when they differ ("KSV" -> "XKX"); null otherwise.</summary>
    public static string? IsoAlias(string cameo) =>
        string.Equals(cameo, Kosovo, StringComparison.OrdinalIgnoreCase) ? KosovoIso : null;
}
