using System.Globalization;
using Dyad.Coding.Ontology;
using Dyad.Tests;

namespace Dyad.Coding.Tests;

public class OntologyTests
{
    private static readonly EventOntology Ontology = EventOntology.Load();

    [Theory]
    [InlineData("05", 1)]
    [InlineData("01", 1)]
    [InlineData("06", 2)]
    [InlineData("09", 2)]
    [InlineData("10", 3)]
    [InlineData("14", 3)]
    [InlineData("15", 4)]
    [InlineData("20", 4)]
    public void QuadClassFollowsTheGdeltRootRanges(string root, int quad) => EventType.QuadOf(root).ShouldBe(quad);

    [Theory]
    [InlineData("00")]
    [InlineData("21")]
    [InlineData("1")]
    [InlineData("ab")]
    public void QuadOfRejectsNonRoots(string root) => Should.Throw<ArgumentException>(() => EventType.QuadOf(root));

    [Theory]
    [InlineData("011", "01", 1, -0.1, "", "")]
    [InlineData("0211", "02", 1, 3.4, "", "")]
    [InlineData("042", "04", 1, 1.9, "CONSULT", "visit")]
    [InlineData("111", "11", 3, -2.0, "ACCUSE", "disapprove")]
    [InlineData("0841", "08", 2, 7.0, "RETREAT", "release")]
    [InlineData("1823", "18", 4, -10.0, "ASSAULT", "")]
    public void EmbeddedOntologyHasTheSourceTablesValues(string code, string root, int quad, double goldstein, string plover, string mode)
    {
        var type = Ontology.Lookup(code).ShouldNotBeNull();
        type.Code.ShouldBe(code);
        type.Root.ShouldBe(root);
        type.Quad.ShouldBe(quad);
        type.Goldstein.ShouldBe(goldstein);
        type.PloverType.ShouldBe(plover);
        type.PloverMode.ShouldBe(mode);
        type.Name.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void UnknownCodesAreNull()
    {
        Ontology.Lookup("999").ShouldBeNull();
        Ontology.Lookup("").ShouldBeNull();
    }

    [Fact]
    public void GdeltDefectsAreRepaired()
    {
        Ontology.Lookup("106").ShouldNotBeNull().Name.ShouldBe("Demand withdrawal");
        Ontology.Lookup("1056").ShouldNotBeNull().Name.ShouldBe("Demand de-escalation of military engagement");
        Ontology.Lookup("044").ShouldNotBeNull().Name.ShouldNotContain("Ò");
    }

    [Fact]
    public void DroppedAndAmbiguousRootsHaveNoPloverType()
    {
        // PLOVER drops CAMEO 01 and 02: no type, at any depth.
        Ontology.Lookup("0256").ShouldNotBeNull().PloverType.ShouldBe("");
        // Root 08 heads both CONCEDE and RETREAT, so the bare root maps to neither.
        Ontology.Lookup("08").ShouldNotBeNull().PloverType.ShouldBe("");
    }

    [SkippableFact]
    public void EveryGoldsteinScoreMatchesTheSourceFile()
    {
        var path = SharedData.Require(OntologyBuilder.GoldsteinFile);
        int checkedRows = 0;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.TrimEnd('\r').Split('\t');
            if (f.Length != 2) continue;
            Ontology.Lookup(f[0]).ShouldNotBeNull(f[0]).Goldstein.ShouldBe(double.Parse(f[1], CultureInfo.InvariantCulture), f[0]);
            checkedRows++;
        }
        checkedRows.ShouldBeGreaterThan(300);
    }

    [SkippableFact]
    public void CommittedOntologyIsWhatTheBuilderProducesFromTheSources()
    {
        var root = SharedData.Require("cameo/gdelt-lookups");
        var warnings = new List<string>();
        var built = OntologyBuilder.Build(SharedData.Root!, warnings);
        var fresh = new StringWriter();
        built.Write(fresh);
        fresh.ToString().ShouldBe(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "models", "cameo-ontology.tsv")));
        warnings.ShouldContain(w => w.Contains("split the merged row for code 106"));
        root.ShouldNotBeNull();
    }

    [Fact]
    public void BuilderReportsMalformedRowsWithFileAndLineAndKeepsTheRest()
    {
        using var temp = new TempFolder();
        var codes = temp.Write("codes.txt", "CAMEOEVENTCODE\tEVENTDESCRIPTION\r\n01\tMAKE PUBLIC STATEMENT\r\n011\tDecline comment\r\nbad line\r\n19\tFIGHT\r\n190\tUse force\r\n1901\tUse force, sub-type\r\n");
        var scores = temp.Write("scores.txt", "CAMEOEVENTCODE\tGOLDSTEINSCALE\n01\t0.0\n011\t-0.1\n19\tx\n190\t-10.0\n1901\t-10.0\n");
        var plover = temp.Write("plover.txt", "# header\n19: ASSAULT\n190: ASSAULT, , military # Use conventional military force\nnonsense\n");
        var warnings = new List<string>();
        var ontology = OntologyBuilder.Build(codes, scores, plover, warnings);
        ontology.Count.ShouldBe(5);
        // A code without a PLOVER row inherits its parent's.
        ontology.Lookup("1901").ShouldNotBeNull().PloverType.ShouldBe("ASSAULT");
        ontology.Lookup("1901").ShouldNotBeNull().PloverContext.ShouldBe("military");
        ontology.Lookup("190").ShouldNotBeNull().PloverContext.ShouldBe("military");
        ontology.Lookup("19").ShouldNotBeNull().PloverType.ShouldBe("ASSAULT");
        ontology.Lookup("011").ShouldNotBeNull().PloverType.ShouldBe("");
        warnings.ShouldContain($"{codes}:4: expected CODE<TAB>NAME; line skipped");
        warnings.ShouldContain($"{scores}:4: expected CODE<TAB>SCORE with a score in -10..10; line skipped");
        warnings.ShouldContain(w => w.StartsWith($"{plover}:4:"));
        warnings.ShouldContain(w => w.Contains("no Goldstein score for code 19"));
    }

    [Fact]
    public void WrittenOntologyReadsBackUnchanged()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Root, "o.tsv");
        using (var w = new StreamWriter(path)) Ontology.Write(w);
        var again = EventOntology.Load(path);
        again.Count.ShouldBe(Ontology.Count);
        foreach (var t in Ontology.All) again.Lookup(t.Code).ShouldBe(t);
    }
}
