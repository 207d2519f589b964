namespace Dyad.Coding.Coder;

/// <summary>
/// CAMEO's codes for an action that is stated as an intent (03x), refused (12x) or threatened (13x), derived from the
/// code the action itself would have: "will meet" 036, "refused to release" 1243, "threatened to impose sanctions" 1312.
/// Null where CAMEO has no such code; the coder then writes no event (precision first).
/// </summary>
internal static class CodeShift
{
    public static string? Apply(Embedding embedding, string code) => embedding switch
    {
        Embedding.Asserted => code,
        Embedding.Intent => Intent(code),
        Embedding.Refusal => Refusal(code),
        Embedding.Threat => Threat(code),
        _ => null,
    };

    /// <summary>Intent to do a cooperative action; intended conflict is not an event unless threatened.</summary>
    public static string? Intent(string code)
    {
        if (code.StartsWith("03", StringComparison.Ordinal)) return code;
        return Root(code) switch
        {
            4 => code.StartsWith("045", StringComparison.Ordinal) ? "039" : "036",
            5 => code.StartsWith("057", StringComparison.Ordinal) ? "037" : "032",
            6 => code switch { "061" => "0311", "062" => "0312", "063" => "0313", "064" => "0314", _ => "031" },
            7 => code switch { "071" => "0331", "072" => "0332", "073" => "0333", "074" => "0334", _ => "033" },
            8 => code[..3] switch
            {
                "081" => "0351", "082" => "0352", "083" => "034", "084" => "0353", "085" => "0354", "086" => "0355",
                "087" => "0356", _ => "035",
            },
            9 => "030",
            _ => null,
        };
    }

    public static string? Refusal(string code)
    {
        if (code == "010" || code == "011") return "011";
        return Root(code) switch
        {
            3 or 5 or 9 or 2 => code.StartsWith("057", StringComparison.Ordinal) ? "127" : "120",
            4 => "125",
            6 => code switch { "061" => "1211", "062" => "1212", _ => "121" },
            7 => code switch { "071" => "1221", "072" => "1222", "073" => "1223", "074" => "1224", _ => "122" },
            8 => code[..3] switch
            {
                "081" => "1241", "082" => "1242", "083" => "123", "084" => "1243", "085" => "1244", "086" => "1245",
                "087" => "1246", _ => "124",
            },
            _ => null,
        };
    }

    public static string? Threat(string code)
    {
        if (code.StartsWith("13", StringComparison.Ordinal)) return code;
        return Root(code) switch
        {
            10 or 11 or 12 => "130",
            14 => "133",
            15 => "138",
            16 => code[..3] switch { "161" => "1313", "162" => "1311", "163" => "1312", "164" => "134", "165" => "135", "166" => "136", _ => "131" },
            17 => code[..3] switch { "172" => "132", "171" or "173" or "174" or "175" => "137", _ => "130" },
            18 => "1383",
            19 => code[..3] switch { "191" => "1381", "192" => "1382", _ => "1384" },
            20 => "1385",
            _ => null,
        };
    }

    private static int Root(string code) => (code[0] - '0') * 10 + (code[1] - '0');
}
