using System.Globalization;
using System.Text.Json;
using Dyad.Coding;
using Dyad.Store.Export;
using Dyad.Tests.Store;
using Parquet;
using Parquet.Schema;

namespace Dyad.Store.Tests;

public class ExportTests
{
    private static readonly StoredEvent[] Events = ListEventStore.Sample().ReadEvents().ToArray();

    private static StoredEvent Event(long id) => Events.Single(e => e.Id == id);

    [Fact]
    public void Gdelt_events_have_61_columns_with_yyyymmdd_days_and_numeric_scores()
    {
        using var sandbox = new ExportSandbox();
        var (path, result) = sandbox.Export("gdelt");
        result.ShouldBe(new ExportResult(4, 0));
        GdeltEventWriter.Columns.Count.ShouldBe(61);
        var rows = File.ReadAllLines(path).Select(l => l.Split('\t')).ToArray();
        rows.Length.ShouldBe(4);
        int Col(string name) => GdeltEventWriter.Columns.ToList().IndexOf(name);
        foreach (var row in rows)
        {
            row.Length.ShouldBe(61);
            var day = DateOnly.ParseExact(row[Col("Day")], "yyyyMMdd", CultureInfo.InvariantCulture);
            int.Parse(row[Col("MonthYear")], CultureInfo.InvariantCulture).ShouldBe(day.Year * 100 + day.Month);
            int.Parse(row[Col("Year")], CultureInfo.InvariantCulture).ShouldBe(day.Year);
            double.Parse(row[Col("FractionDate")], CultureInfo.InvariantCulture).ShouldBeInRange(day.Year, day.Year + 1);
            double.Parse(row[Col("GoldsteinScale")], CultureInfo.InvariantCulture).ShouldBeInRange(-10, 10);
            int.Parse(row[Col("QuadClass")], CultureInfo.InvariantCulture).ShouldBeInRange(1, 4);
            int.Parse(row[Col("NumMentions")], CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1);
            DateTime.ParseExact(row[Col("DATEADDED")], "yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            row[Col("AvgTone")].ShouldBeEmpty();
        }

        var appeal = rows[0];
        appeal[Col("GlobalEventID")].ShouldBe("1");
        appeal[Col("Day")].ShouldBe("20200202");
        (appeal[Col("Actor1Code")], appeal[Col("Actor1CountryCode")], appeal[Col("Actor1Type1Code")]).ShouldBe(("USAGOV", "USA", "GOV"));
        appeal[Col("Actor1Name")].ShouldBe("United States Government");
        appeal[Col("Actor2CountryCode")].ShouldBe("KAZ");
        (appeal[Col("EventCode")], appeal[Col("EventBaseCode")], appeal[Col("EventRootCode")]).ShouldBe(("0214", "021", "02"));
        (appeal[Col("NumMentions")], appeal[Col("NumSources")], appeal[Col("NumArticles")]).ShouldBe(("3", "2", "2"));
        appeal[Col("IsRootEvent")].ShouldBe("1");
        (appeal[Col("ActionGeo_Type")], appeal[Col("ActionGeo_FullName")]).ShouldBe(("4", "Almaty, Kazakhstan"));
        (appeal[Col("ActionGeo_Lat")], appeal[Col("ActionGeo_Long")], appeal[Col("ActionGeo_FeatureID")]).ShouldBe(("43.25", "76.91667", "1526384"));
        appeal[Col("DATEADDED")].ShouldBe("20200202000000");
        appeal[Col("SOURCEURL")].ShouldBe("https://www.reuters.com/world/1");

        var aid = rows[2];
        aid[Col("Day")].ShouldBe("20200205"); // no coded date: the first publication day
        (aid[Col("Actor1CountryCode")], aid[Col("Actor1KnownGroupCode")], aid[Col("Actor1Type1Code")], aid[Col("Actor1Type2Code")])
            .ShouldBe(("", "UNO", "IGO", "HLH"));
        (aid[Col("Actor2CountryCode")], aid[Col("Actor2EthnicCode")]).ShouldBe(("CHN", "uig"));
        (aid[Col("ActionGeo_Type")], aid[Col("ActionGeo_FullName")], aid[Col("ActionGeo_Lat")]).ShouldBe(("5", "Xinjiang, China", ""));
        rows[1][Col("SOURCEURL")].ShouldBe("rferl-7"); // no URL: the document id as citation
        rows[3][Col("Actor2Code")].ShouldBeEmpty();
    }

    [Fact]
    public void Duckdb_reads_the_gdelt_events_as_61_columns_with_integer_days_and_double_scores()
    {
        using var sandbox = new ExportSandbox();
        var (path, _) = sandbox.Export("gdelt");
        var from = $"read_csv({ExportSandbox.Literal(path)}, delim='\t', header=false, quote='', escape='')";
        var types = ExportSandbox.Types(from).Values.ToArray();
        types.Length.ShouldBe(61);
        types[0].ShouldBe("BIGINT");   // GlobalEventID
        types[1].ShouldBe("BIGINT");   // Day, yyyymmdd as an integer
        types[4].ShouldBe("DOUBLE");   // FractionDate
        types[30].ShouldBe("DOUBLE");  // GoldsteinScale
        ExportSandbox.Query($"SELECT count(*), sum(column31) FROM {from}").Single().ShouldBe(["4", "6"]); // mentions 3 + 1 + 1 + 1
    }

    [Fact]
    public void Gdelt_mentions_have_16_columns_and_point_at_their_event()
    {
        using var sandbox = new ExportSandbox();
        var (path, result) = sandbox.Export("gdelt-mentions");
        result.Written.ShouldBe(6);
        GdeltMentionWriter.Columns.Count.ShouldBe(16);
        var rows = File.ReadAllLines(path).Select(l => l.Split('\t')).ToArray();
        rows.Length.ShouldBe(6);
        foreach (var row in rows)
        {
            row.Length.ShouldBe(16);
            var id = long.Parse(row[0], CultureInfo.InvariantCulture);
            row[1].ShouldBe(ExportContext.CompactDate(Event(id).FirstSeen) + "000000");
            DateTime.ParseExact(row[2], "yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            int.Parse(row[6], CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1);
            int.Parse(row[11], CultureInfo.InvariantCulture).ShouldBe(88); // confidence 0.875 as a percentage
        }
        rows.Count(r => r[0] == "1").ShouldBe(3);
        var first = rows[0];
        var appeal = Event(1).Event;
        (first[3], first[4], first[5], first[6]).ShouldBe(("1", "reuters.com", "https://www.reuters.com/world/1", "1"));
        first[7].ShouldBe((appeal.CharStart + appeal.Sentence.IndexOf("The US", StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture));
        first[8].ShouldBe((appeal.CharStart + appeal.Sentence.IndexOf("Kazakhstan", StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture));
        first[12].ShouldBe("2400");
        var rferl = rows.Single(r => r[5] == "https://www.rferl.org/a/9");
        (rferl[4], rferl[6], rferl[2]).ShouldBe(("rferl.org", "3", "20200203000000"));
        var noUrl = rows.Single(r => r[0] == "2");
        (noUrl[3], noUrl[5]).ShouldBe(("2", "rferl-7")); // citation only: the document id
    }

    [Fact]
    public void Icews_csv_has_the_icews_header_and_reads_back_with_names_sectors_and_places()
    {
        using var sandbox = new ExportSandbox();
        var (path, _) = sandbox.Export("icews");
        File.ReadLines(path).First().ShouldBe(string.Join(',', IcewsCsvWriter.Columns));
        var rows = ExportSandbox.Query($"""
            SELECT "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
                   "Intensity", "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "Province", "Country", "Latitude"
            FROM read_csv({ExportSandbox.Literal(path)}, header=true, all_varchar=true) ORDER BY "Event ID"
            """);
        rows.Count.ShouldBe(4);
        rows[0].ShouldBe(["1", "2020-02-02", "United States Government", "Government", "United States",
            ExportSandbox.Context.Ontology.Lookup("0214")!.Name, "0214", "3.4", "Kazakhstan", "reuters-1", "1", "reuters.com",
            "Almaty", "Almaty", "Kazakhstan", "43.25"]);
        rows[2][3].ShouldBe("Inter-Governmental Organization,Health");
        rows[2][4].ShouldBeNull(); // an IGO has no country
        (rows[2][12], rows[2][13], rows[2][14]).ShouldBe((null, "Xinjiang", "China"));
    }

    [Fact]
    public void Csv_quotes_commas_quotes_tabs_and_line_breaks_so_duckdb_reads_every_sentence_back()
    {
        using var sandbox = new ExportSandbox();
        var (path, _) = sandbox.Export("csv");
        var header = File.ReadLines(path).First().Split(',');
        header.ShouldBe(FlatColumns.Stored.Select(c => c.Name));
        var from = $"read_csv({ExportSandbox.Literal(path)}, header=true)";
        var rows = ExportSandbox.Query($"SELECT global_event_id, sentence, date, num_mentions, location_lat FROM {from} ORDER BY global_event_id");
        rows.Select(r => r[1]).ShouldBe(Events.Select(e => e.Event.Sentence));
        rows[0][3].ShouldBe("3");
        rows[2][2].ShouldBeNull();
        var types = ExportSandbox.Types(from);
        (types["date"], types["first_seen"], types["goldstein"], types["negated"]).ShouldBe(("DATE", "DATE", "DOUBLE", "BOOLEAN"));
    }

    [Fact]
    public void Parquet_reads_back_in_duckdb_with_plain_types_and_every_value()
    {
        using var sandbox = new ExportSandbox();
        var (path, result) = sandbox.Export("parquet");
        result.Written.ShouldBe(4);
        var from = $"read_parquet({ExportSandbox.Literal(path)})";
        var types = ExportSandbox.Types(from);
        types.Keys.ShouldBe(FlatColumns.Stored.Select(c => c.Name));
        (types["date"], types["first_seen"], types["sentence_index"], types["global_event_id"], types["goldstein"], types["negated"], types["sentence"])
            .ShouldBe(("DATE", "DATE", "INTEGER", "BIGINT", "DOUBLE", "BOOLEAN", "VARCHAR"));
        ExportSandbox.Query($"SELECT count(*), count(date), sum(num_mentions), min(first_seen)::VARCHAR, max(location_geonames_id) FROM {from}")
            .Single().ShouldBe(["4", "3", "6", "2020-02-02", "1526384"]);
        var rows = ExportSandbox.Query($"SELECT sentence, source, target, code, location_name FROM {from} ORDER BY global_event_id");
        rows.Select(r => r[0]).ShouldBe(Events.Select(e => e.Event.Sentence));
        rows[3].ShouldBe([Event(4).Event.Sentence, "KAZGOV", null, "010", null]);
    }

    [Fact]
    public async Task Parquet_reads_back_with_parquet_net()
    {
        using var sandbox = new ExportSandbox();
        var (path, _) = sandbox.Export("parquet");
        await using var reader = await ParquetReader.CreateAsync(path, new ParquetOptions { UseDateOnlyTypeForDates = true });
        reader.RowGroupCount.ShouldBe(1);
        reader.Schema.DataFields.Select(f => f.Name).ShouldBe(FlatColumns.Stored.Select(c => c.Name));
        using var group = reader.OpenRowGroupReader(0);
        group.RowCount.ShouldBe(4);
        var sentences = new string?[4];
        await group.ReadAsync(reader.Schema.FindDataField("sentence"), sentences.AsMemory());
        sentences.ShouldBe(Events.Select(e => e.Event.Sentence));
        var dates = new DateOnly?[4];
        await group.ReadAsync<DateOnly>(reader.Schema.FindDataField("date"), dates.AsMemory());
        dates.ShouldBe([new DateOnly(2020, 2, 2), new DateOnly(2020, 2, 1), null, new DateOnly(2020, 2, 1)]);
    }

    [Fact]
    public void An_empty_store_exports_a_parquet_file_with_the_schema_and_no_rows()
    {
        using var sandbox = new ExportSandbox();
        var (path, result) = sandbox.Export("parquet", new ListEventStore([], []));
        result.Written.ShouldBe(0);
        ExportSandbox.Query($"SELECT count(*) FROM read_parquet({ExportSandbox.Literal(path)})").Single().ShouldBe(["0"]);
    }

    [Fact]
    public void Plover_lines_carry_the_manual_field_names_and_drop_cameo_01_and_02()
    {
        using var sandbox = new ExportSandbox();
        var (path, result) = sandbox.Export("plover");
        result.ShouldBe(new ExportResult(2, 2));
        var lines = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        lines.Length.ShouldBe(2);
        foreach (var line in lines)
            foreach (var field in new[] { "id", "date", "actor", "recipient", "event", "event_loc", "event_text", "quad_code", "mode", "context", "text", "text_info", "cite_info", "coder" })
                line.TryGetProperty(field, out _).ShouldBeTrue(field);

        var criticism = lines[0];
        var expected = Event(2).Event;
        criticism.GetProperty("id").GetString().ShouldBe(expected.EventId);
        criticism.GetProperty("date").GetString().ShouldBe("2020-02-01");
        criticism.GetProperty("event").EnumerateArray().Select(v => v.GetString()).ShouldBe(["ACCUSE"]);
        var type = ExportSandbox.Context.Ontology.Lookup("111")!;
        criticism.GetProperty("mode").EnumerateArray().Select(v => v.GetString())
            .ShouldBe(type.PloverMode.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        criticism.GetProperty("actor")[0].GetProperty("code").GetString().ShouldBe("CHN");
        criticism.GetProperty("actor")[0].GetProperty("entity_text").GetString().ShouldBe("China");
        criticism.GetProperty("recipient")[0].GetProperty("code").GetString().ShouldBe("USA");
        criticism.GetProperty("text").GetString().ShouldBe(expected.Sentence);
        criticism.GetProperty("text_info").GetProperty("sequence").GetInt32().ShouldBe(3);
        criticism.GetProperty("event_loc").ValueKind.ShouldBe(JsonValueKind.Null);
        criticism.GetProperty("quad_code").GetInt32().ShouldBe(3);

        var aid = lines[1];
        var actor = aid.GetProperty("actor")[0];
        (actor.GetProperty("code").GetString(), actor.GetProperty("sector").GetString(), actor.GetProperty("cameo").GetString())
            .ShouldBe(("UNO", "HLH", "IGOUNOHLH"));
        var recipient = aid.GetProperty("recipient")[0];
        (recipient.GetProperty("code").GetString(), recipient.GetProperty("ethnicity").GetString()).ShouldBe(("CHN", "uig"));
        var place = aid.GetProperty("event_loc");
        (place.GetProperty("province").GetString(), place.GetProperty("country_code").GetString(), place.GetProperty("resolution").GetInt32())
            .ShouldBe(("Xinjiang", "CHN", 2));
        aid.GetProperty("cite_info").GetProperty("url").GetString().ShouldBe("https://news.un.org/2");
    }

    [Fact]
    public void Jsonl_lines_are_the_coded_event_followed_by_the_store_counts()
    {
        using var sandbox = new ExportSandbox();
        var (path, _) = sandbox.Export("jsonl");
        var lines = File.ReadAllLines(path);
        lines.Length.ShouldBe(4);
        var codedFields = JsonDocument.Parse(JsonSerializer.Serialize(Events[0].Event, CodedEventJsonlWriter.Options))
            .RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        for (int i = 0; i < lines.Length; i++)
        {
            CodedEventJsonlWriter.Parse(lines[i]).ShouldBe(Events[i].Event);
            var json = JsonDocument.Parse(lines[i]).RootElement;
            json.EnumerateObject().Select(p => p.Name).ShouldBe(
                [.. codedFields, "num_mentions", "num_sources", "num_articles", "first_seen", "last_seen", "global_event_id", "source_url"]);
            json.GetProperty("num_mentions").GetInt32().ShouldBe(Events[i].NumMentions);
            json.GetProperty("last_seen").GetString().ShouldBe(ExportContext.IsoDate(Events[i].LastSeen));
        }
    }

    [Theory]
    [InlineData("2020-01-01", "2020.0000")]
    [InlineData("2020-02-02", "2020.0874")]
    [InlineData("2021-12-31", "2021.9973")]
    public void Fraction_date_is_the_share_of_the_year_before_the_day(string day, string expected) =>
        GdeltEventWriter.FractionDate(DateOnly.Parse(day, CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void Escaped_tsv_keeps_one_line_per_record_and_csv_leaves_plain_fields_unquoted()
    {
        var tsv = new StringWriter();
        DelimitedText.EscapedTsv.WriteLine(tsv, ["a\tb", "line\nbreak\\", null, "plain"]);
        tsv.ToString().ShouldBe("a\\tb\tline\\nbreak\\\\\t\tplain\n");
        var csv = new StringWriter();
        DelimitedText.Csv.WriteLine(csv, ["plain", "a,b", "say \"hi\"", null]);
        csv.ToString().ShouldBe("plain,\"a,b\",\"say \"\"hi\"\"\",\n");
    }

    [Fact]
    public void Unknown_format_is_refused_by_name()
    {
        using var store = ListEventStore.Sample();
        Should.Throw<ArgumentException>(() => EventExport.Write("xml", store, Stream.Null, ExportSandbox.Context)).Message.ShouldContain("xml");
    }
}
