using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dyad.Bench;

/// <summary>
/// A deterministic news-like JSONL corpus ({id, date, text}) for timing <c>dyad code</c>: short wire stories built
/// from sentence templates written for this benchmark, with countries, people, places and figures drawn at random
/// so that the tagger, parser and coder see varied names and most sentences carry a codable event. No third-party
/// text is used. Run: <c>dotnet run -c Release --project bench/Dyad.Bench -- code-corpus OUT.jsonl [sentences]</c>.
/// </summary>
public static class CodeCorpus
{
    private static readonly string[] Countries =
    [
        "China", "Russia", "Kazakhstan", "Turkey", "Iran", "Japan", "Germany", "France", "India", "Pakistan",
        "Brazil", "Mexico", "Nigeria", "Kenya", "Ethiopia", "Egypt", "Israel", "Syria", "Ukraine", "Poland",
        "Indonesia", "Vietnam", "South Korea", "North Korea", "Saudi Arabia", "Sudan", "Colombia", "Venezuela",
    ];

    private static readonly string[] Capitals =
    [
        "Beijing", "Moscow", "Astana", "Ankara", "Tehran", "Tokyo", "Berlin", "Paris", "New Delhi", "Islamabad",
        "Brasilia", "Mexico City", "Abuja", "Nairobi", "Addis Ababa", "Cairo", "Jerusalem", "Damascus", "Kyiv", "Warsaw",
        "Jakarta", "Hanoi", "Seoul", "Pyongyang", "Riyadh", "Khartoum", "Bogota", "Caracas",
    ];

    private static readonly string[] Demonyms =
    [
        "Chinese", "Russian", "Kazakh", "Turkish", "Iranian", "Japanese", "German", "French", "Indian", "Pakistani",
        "Brazilian", "Mexican", "Nigerian", "Kenyan", "Ethiopian", "Egyptian", "Israeli", "Syrian", "Ukrainian", "Polish",
        "Indonesian", "Vietnamese", "South Korean", "North Korean", "Saudi", "Sudanese", "Colombian", "Venezuelan",
    ];

    private static readonly string[] Given =
    [
        "Ana", "Omar", "Maria", "John", "Li", "Sergei", "Aigul", "Kemal", "Hassan", "Yuki", "Klaus", "Amélie", "Ravi",
        "Imran", "Lucia", "Carlos", "Ngozi", "Wanjiru", "Abiy", "Fatima", "David", "Olena", "Piotr", "Dewi", "Minh",
    ];

    private static readonly string[] Family =
    [
        "Duarte", "Haddad", "Okafor", "Reed", "Wei", "Petrov", "Nurlanova", "Yilmaz", "Rahimi", "Tanaka", "Weber",
        "Laurent", "Sharma", "Qureshi", "Silva", "Ortega", "Adeyemi", "Mwangi", "Tesfaye", "Mansour", "Levi",
        "Kovalenko", "Nowak", "Santoso", "Nguyen",
    ];

    private static readonly string[] Offices =
    [
        "Foreign Minister", "President", "Prime Minister", "Defence Minister", "Interior Minister", "Trade Minister",
    ];

    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    // {A}/{B}: countries; {Acap}/{Bcap}: their capitals; {Adem}/{Bdem}: demonyms; {P}/{Q}: people with an office of
    // {A}/{B}; {S}/{T}: their surnames; {D}: weekday; {N}, {M}: numbers.
    private static readonly string[] Templates =
    [
        "{Adem} {Poffice} {P} met {Bdem} {Qoffice} {Q} in {Bcap} on {D} to discuss trade and regional security.",
        "{A} accused {B} of violating the ceasefire along their shared border, the {Adem} foreign ministry said.",
        "{S} urged {B} to release the {N} detained activists and to return to talks without preconditions.",
        "\"We will not accept any interference in our internal affairs,\" {T} told reporters in {Bcap}.",
        "{B} denied the allegations and criticized {A} for spreading false information.",
        "The two governments signed an agreement on energy cooperation worth ${N} million, officials said.",
        "{A} imposed sanctions on {N} {Bdem} officials over the crackdown on protesters.",
        "Police in {Acap} fired tear gas at thousands of protesters demanding the resignation of the government.",
        "{Bdem} troops shelled positions near the border on {D}, killing at least {M} people, a spokesman said.",
        "{S} praised {B} for its role in the negotiations and promised further economic aid.",
        "{A} expelled {M} {Bdem} diplomats, saying they had engaged in activities incompatible with their status.",
        "The {Adem} {Poffice} is due to visit {Bcap} next month, the ministry announced on {D}.",
        "{T} declined to comment on the report but said {B} valued its partnership with {A}.",
        "{A} and {B} agreed to hold a new round of talks in {Acap} in the spring.",
        "{Bdem} officials threatened to retaliate if {A} did not lift the trade restrictions within {M} days.",
        "The United Nations called on {A} and {B} to show restraint and to resolve the dispute peacefully.",
        "{S} said {A} would not negotiate under fire, adding that the attacks must stop.",
        "Rebels attacked an army post in northern {B} overnight, wounding {M} soldiers.",
        "{A} recalled its ambassador from {Bcap} after the incident, according to a statement.",
        "Exports from {A} to {B} fell {M}% in the first quarter, official data showed.",
        "{Q}, {Bdem} {Qoffice}, thanked {A} for its humanitarian assistance.",
        "{A} offered to mediate between the government and the opposition, but {B} rejected the proposal.",
        "Thousands of people marched through {Bcap} on {D} to protest against rising prices.",
        "The {Adem} navy seized a {Bdem} tanker in the Gulf, the state news agency reported.",
        "{S} and {T} discussed the situation in the region by telephone, both sides said.",
    ];

    /// <summary>Writes documents of 3-8 sentences until <paramref name="sentences"/> sentences; returns the document count.</summary>
    public static int Write(TextWriter output, int sentences, int seed = 20200202)
    {
        var random = new Random(seed);
        int written = 0, documents = 0;
        var text = new StringBuilder(1024);
        while (written < sentences)
        {
            int a = random.Next(Countries.Length), b = random.Next(Countries.Length - 1);
            if (b >= a) b++;
            var p = Person(random);
            var q = Person(random);
            string pOffice = Offices[random.Next(Offices.Length)], qOffice = Offices[random.Next(Offices.Length)];
            text.Clear();
            int count = Math.Min(3 + random.Next(6), sentences - written);
            for (int s = 0; s < count; s++)
            {
                if (s > 0) text.Append(s % 3 == 0 ? "\n\n" : " ");
                text.Append(Templates[random.Next(Templates.Length)])
                    .Replace("{Adem}", Demonyms[a]).Replace("{Bdem}", Demonyms[b])
                    .Replace("{Acap}", Capitals[a]).Replace("{Bcap}", Capitals[b])
                    .Replace("{A}", Countries[a]).Replace("{B}", Countries[b])
                    .Replace("{Poffice}", pOffice).Replace("{Qoffice}", qOffice)
                    .Replace("{P}", p.Full).Replace("{Q}", q.Full).Replace("{S}", s == 0 ? p.Full : p.Surname)
                    .Replace("{T}", q.Surname).Replace("{D}", Days[random.Next(Days.Length)])
                    .Replace("{N}", random.Next(2, 900).ToString(CultureInfo.InvariantCulture))
                    .Replace("{M}", random.Next(2, 60).ToString(CultureInfo.InvariantCulture));
            }
            written += count;
            documents++;
            var date = new DateOnly(2019, 1, 1).AddDays(random.Next(1500));
            output.WriteLine(JsonSerializer.Serialize(new Record($"bench-{documents:D6}", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), text.ToString())));
        }
        return documents;
    }

    private static (string Full, string Surname) Person(Random random)
    {
        var surname = Family[random.Next(Family.Length)];
        return (Given[random.Next(Given.Length)] + " " + surname, surname);
    }

    private sealed record Record(
        [property: System.Text.Json.Serialization.JsonPropertyName("id")] string Id,
        [property: System.Text.Json.Serialization.JsonPropertyName("date")] string Date,
        [property: System.Text.Json.Serialization.JsonPropertyName("text")] string Text);

    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: code-corpus OUT.jsonl [sentences (default 50000)]");
            return 2;
        }
        int sentences = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50_000;
        using var output = new StreamWriter(args[1], false, new UTF8Encoding(false));
        int documents = Write(output, sentences);
        Console.Error.WriteLine($"wrote {documents:N0} documents, {sentences:N0} template sentences, to {args[1]}");
        return 0;
    }
}
