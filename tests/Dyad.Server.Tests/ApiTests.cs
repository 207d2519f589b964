using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dyad.Server.Api;

namespace Dyad.Server.Tests;

/// <summary>Every endpoint of the real server over a store coded from the shipped examples.</summary>
[Collection("server")]
public sealed class ApiTests(ServerFixture server)
{
    private HttpClient Client => server.Client;

    private async Task<JsonNode> Get(string path)
    {
        var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {body}");
        return JsonNode.Parse(body)!;
    }

    private async Task<string> GetRefused(string path, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, $"{path}: {body}");
        return JsonNode.Parse(body)!["error"]!.GetValue<string>();
    }

    [Fact]
    public async Task Summary_counts_the_coded_examples()
    {
        var summary = await Get("/api/summary");
        summary["documents"]!.GetValue<long>().ShouldBeGreaterThan(5);
        summary["events"]!.GetValue<long>().ShouldBeGreaterThan(3);
        summary["mentions"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(summary["events"]!.GetValue<long>());
    }

    [Fact]
    public async Task Events_page_through_every_event_once()
    {
        long total = (await Get("/api/events?limit=1"))["total"]!.GetValue<long>();
        var seen = new HashSet<long>();
        for (int offset = 0; offset < total; offset += 2)
        {
            var page = await Get($"/api/events?offset={offset}&limit=2");
            page["total"]!.GetValue<long>().ShouldBe(total);
            foreach (var item in page["items"]!.AsArray()) seen.Add(item!["id"]!.GetValue<long>()).ShouldBeTrue();
        }
        seen.Count.ShouldBe((int)total);
    }

    [Fact]
    public async Task Filters_narrow_the_events_and_agree_with_each_row()
    {
        var all = await Get("/api/events?limit=500");
        var first = all["items"]!.AsArray()[0]!;
        int quad = first["quad"]!.GetValue<int>();
        var byQuad = await Get($"/api/events?quad={quad}&limit=500");
        byQuad["total"]!.GetValue<long>().ShouldBeLessThanOrEqualTo(all["total"]!.GetValue<long>());
        byQuad["items"]!.AsArray().ShouldAllBe(e => e!["quad"]!.GetValue<int>() == quad);

        var date = first["date"]!.GetValue<string>();
        var byDay = await Get($"/api/events?from={date}&to={date}&limit=500");
        byDay["items"]!.AsArray().ShouldAllBe(e => e!["date"]!.GetValue<string>() == date);
        byDay["items"]!.AsArray().Select(e => e!["id"]!.GetValue<long>()).ShouldContain(first["id"]!.GetValue<long>());

        var withActor = all["items"]!.AsArray().First(e => e!["source"] is not null)!;
        var prefix = withActor["source"]!.GetValue<string>().Substring(0, 3);
        var byActor = await Get($"/api/events?actor={prefix}&limit=500");
        byActor["items"]!.AsArray().ShouldAllBe(e =>
            (e!["source"] != null && e["source"]!.GetValue<string>().StartsWith(prefix)) ||
            (e["target"] != null && e["target"]!.GetValue<string>().StartsWith(prefix)));

        var word = first["sentence"]!.GetValue<string>().Split(' ').OrderByDescending(w => w.Length).First().Trim('.', ',', '"');
        var byText = await Get($"/api/events?text={Uri.EscapeDataString(word)}&limit=500");
        byText["items"]!.AsArray().Select(e => e!["id"]!.GetValue<long>()).ShouldContain(first["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Stats_sum_to_the_event_count_per_bucket()
    {
        long total = (await Get("/api/events?limit=1"))["total"]!.GetValue<long>();
        foreach (var by in new[] { "day", "week", "month" })
        {
            var series = (await Get($"/api/stats?by={by}")).AsArray();
            series.Sum(p => p!["events"]!.GetValue<long>()).ShouldBe(total);
            foreach (var point in series)
                (point!["quad1"]!.GetValue<long>() + point["quad2"]!.GetValue<long>() + point["quad3"]!.GetValue<long>() + point["quad4"]!.GetValue<long>())
                    .ShouldBe(point["events"]!.GetValue<long>());
        }
    }

    [Fact]
    public async Task Top_actors_and_dyads_are_ranked_and_named()
    {
        var actors = (await Get("/api/top/actors?limit=5")).AsArray();
        actors.Count.ShouldBeInRange(1, 5);
        actors.Select(a => a!["events"]!.GetValue<long>()).ShouldBeInOrder(SortDirection.Descending);
        actors.ShouldContain(a => a!["name"] != null);
        var dyads = (await Get("/api/top/dyads?limit=5")).AsArray();
        dyads.Count.ShouldBeGreaterThan(0);
        var top = dyads[0]!;
        var events = await Get($"/api/events?source={top["source"]}&target={top["target"]}&limit=500");
        events["items"]!.AsArray().Count(e => e!["source"]!.GetValue<string>() == top["source"]!.GetValue<string>()
            && e["target"]!.GetValue<string>() == top["target"]!.GetValue<string>()).ShouldBe((int)top["events"]!.GetValue<long>());
    }

    [Fact]
    public async Task Network_edges_join_its_nodes_and_carry_quad_classes()
    {
        var network = await Get("/api/network?nodes=30");
        var nodes = network["nodes"]!.AsArray().Select(n => n!["code"]!.GetValue<string>()).ToHashSet();
        nodes.Count.ShouldBeGreaterThan(1);
        var edges = network["edges"]!.AsArray();
        edges.Count.ShouldBeGreaterThan(0);
        foreach (var edge in edges)
        {
            nodes.ShouldContain(edge!["source"]!.GetValue<string>());
            nodes.ShouldContain(edge["target"]!.GetValue<string>());
            edge["quad"]!.GetValue<int>().ShouldBeInRange(1, 4);
            edge["events"]!.GetValue<long>().ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public async Task Places_have_coordinates_and_counts()
    {
        var places = (await Get("/api/places")).AsArray();
        // As many places as distinct located events (the coder places few events yet, so this may be zero).
        var located = (await Get("/api/events?limit=500"))["items"]!.AsArray()
            .Where(e => e!["location"]?["lat"] is not null).Select(e => (e!["location"]!["lat"]!.GetValue<double>(), e["location"]!["lon"]!.GetValue<double>())).Distinct().Count();
        places.Select(p => (p!["lat"]!.GetValue<double>(), p["lon"]!.GetValue<double>())).Distinct().Count().ShouldBe(located);
        places.Sum(p => p!["events"]!.GetValue<long>()).ShouldBeGreaterThanOrEqualTo(located);
        foreach (var place in places)
        {
            place!["lat"]!.GetValue<double>().ShouldBeInRange(-90, 90);
            place["lon"]!.GetValue<double>().ShouldBeInRange(-180, 180);
            place["events"]!.GetValue<long>().ShouldBe(place["quad1"]!.GetValue<long>() + place["quad2"]!.GetValue<long>()
                + place["quad3"]!.GetValue<long>() + place["quad4"]!.GetValue<long>());
        }
    }

    [Fact]
    public async Task Actor_prefix_lookup_returns_matching_codes()
    {
        var actors = (await Get("/api/actors?prefix=us")).AsArray();
        actors.ShouldAllBe(a => a!["code"]!.GetValue<string>().StartsWith("US"));
    }

    [Fact]
    public async Task One_event_has_its_mentions_and_document()
    {
        var first = (await Get("/api/events?limit=1"))["items"]!.AsArray()[0]!;
        var detail = await Get($"/api/events/{first["id"]}");
        detail["event"]!["id"]!.GetValue<long>().ShouldBe(first["id"]!.GetValue<long>());
        detail["coding"]!["rule"].ShouldNotBeNull();
        var mentions = detail["mentions"]!.AsArray();
        mentions.Count.ShouldBe(first["num_mentions"]!.GetValue<int>());
        var docId = mentions[0]!["doc_id"]!.GetValue<string>();

        var document = await Get($"/api/document?id={Uri.EscapeDataString(docId)}");
        document["id"]!.GetValue<string>().ShouldBe(docId);
        var text = document["text"]!.GetValue<string>();
        var sentences = document["sentences"]!.AsArray();
        sentences.Count.ShouldBeGreaterThan(0);
        foreach (var s in sentences)
            text[s!["start"]!.GetValue<int>()..s["end"]!.GetValue<int>()].ShouldBe(s["text"]!.GetValue<string>());
        var marked = document["events"]!.AsArray().First(e => e!["event_id"]!.GetValue<long>() == first["id"]!.GetValue<long>())!;
        var verb = marked["verb_text"]?.GetValue<string>();
        if (verb is not null) text[marked["char_start"]!.GetValue<int>()..marked["char_end"]!.GetValue<int>()].ShouldContain(verb);
    }

    /// <summary>The shipped Pompeo-Kazakhstan article: its quotes are said by "he" (Pompeo) and by "Geng".</summary>
    private async Task<JsonNode> PompeoDocument()
    {
        var items = (await Get("/api/events?text=Kazakhstan&limit=500"))["items"]!.AsArray();
        foreach (var docId in items.Select(e => e!["doc_id"]!.GetValue<string>()).Distinct())
        {
            var document = await Get($"/api/document?id={Uri.EscapeDataString(docId)}");
            if (document["text"]!.GetValue<string>().Contains("Geng told a regular briefing", StringComparison.Ordinal)) return document;
        }
        throw new InvalidOperationException("the Pompeo-Kazakhstan example is not in the store");
    }

    [Fact]
    public async Task A_document_has_its_named_entities_with_actor_codes_at_their_offsets()
    {
        var document = await PompeoDocument();
        var text = document["text"]!.GetValue<string>();
        var sentences = document["sentences"]!.AsArray();
        var entities = document["entities"]!.AsArray();
        entities.Count.ShouldBeGreaterThan(5);
        foreach (var e in entities)
        {
            int start = e!["char_start"]!.GetValue<int>(), end = e["char_end"]!.GetValue<int>();
            text[start..end].ShouldBe(e["text"]!.GetValue<string>());
            e["type"]!.GetValue<string>().ShouldBeOneOf("PER", "ORG", "LOC");
            var sentence = sentences.Single(s => s!["index"]!.GetValue<int>() == e["sentence_index"]!.GetValue<int>())!;
            start.ShouldBeGreaterThanOrEqualTo(sentence["start"]!.GetValue<int>());
            end.ShouldBeLessThanOrEqualTo(sentence["end"]!.GetValue<int>());
        }
        string? ActorOf(string name) => entities.FirstOrDefault(e => e!["text"]!.GetValue<string>() == name)?["actor"]?.GetValue<string>();
        ActorOf("Kazakhstan").ShouldBe("KAZ");
        ActorOf("Mike Pompeo").ShouldNotBeNull().ShouldStartWith("USA");
        // "Geng" alone, after "Geng Shuang" was named with his title.
        ActorOf("Geng").ShouldNotBeNull().ShouldStartWith("CHN");
        entities.Select(e => e!["type"]!.GetValue<string>()).Distinct().Count().ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task A_document_has_its_quotes_with_their_speakers()
    {
        var document = await PompeoDocument();
        var text = document["text"]!.GetValue<string>();
        var quotes = document["quotes"]!.AsArray();
        foreach (var q in quotes)
        {
            var quoted = q!["text"]!.GetValue<string>();
            text[q["char_start"]!.GetValue<int>()..q["char_end"]!.GetValue<int>()].ShouldBe(quoted);
            quoted[0].ShouldBe('"');
            quoted[^1].ShouldBe('"');
            if (q["speaker"] is { } speaker)
                text[q["speaker_start"]!.GetValue<int>()..q["speaker_end"]!.GetValue<int>()].ShouldBe(speaker.GetValue<string>());
        }
        var pompeo = quotes.Single(q => q!["text"]!.GetValue<string>().StartsWith("\"We ask every nation", StringComparison.Ordinal))!;
        pompeo["speaker"]!.GetValue<string>().ShouldBe("he");
        pompeo["speaker_actor"]!.GetValue<string>().ShouldStartWith("USA");
        var geng = quotes.Single(q => q!["text"]!.GetValue<string>().StartsWith("\"The so-called Xinjiang issue", StringComparison.Ordinal))!;
        geng["speaker"]!.GetValue<string>().ShouldBe("Geng");
        geng["speaker_actor"]!.GetValue<string>().ShouldStartWith("CHN");
    }

    [Fact]
    public async Task An_event_explanation_gives_its_rule_and_dependency_path()
    {
        var first = (await Get("/api/events?limit=1"))["items"]!.AsArray()[0]!;
        var detail = await Get($"/api/events/{first["id"]}");
        var explanation = await Get($"/api/events/{first["id"]}/explanation");
        explanation["event_id"]!.GetValue<long>().ShouldBe(first["id"]!.GetValue<long>());
        explanation["rule"]!.GetValue<string>().ShouldBe(detail["coding"]!["rule"]!.GetValue<string>());
        explanation["recoded"]!.GetValue<bool>().ShouldBeTrue();
        var path = explanation["path"]!.GetValue<string>();
        // The path runs through the coded words: it names the target's word at least.
        var targetText = detail["coding"]!["target_text"]!.GetValue<string>();
        targetText.Split(' ').ShouldContain(word => path.Contains(word, StringComparison.Ordinal));
        explanation["steps"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldContain(s => s.StartsWith("path: ", StringComparison.Ordinal));
        (await GetRefused("/api/events/987654321/explanation", HttpStatusCode.NotFound)).ShouldContain("987654321");
        (await GetRefused("/api/events/-3/explanation")).ShouldContain("event id");
    }

    [Fact]
    public async Task Missing_event_and_document_are_404()
    {
        (await GetRefused("/api/events/987654321", HttpStatusCode.NotFound)).ShouldContain("987654321");
        (await GetRefused("/api/document?id=no-such-doc", HttpStatusCode.NotFound)).ShouldContain("no-such-doc");
        await GetRefused("/api/nothing-here", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/events?limit=501", "limit")]
    [InlineData("/api/events?limit=0", "limit")]
    [InlineData("/api/events?offset=-1", "offset")]
    [InlineData("/api/events?offset=10001", "offset")]
    [InlineData("/api/events?quad=5", "quad")]
    [InlineData("/api/events?from=2024-13-01", "from")]
    [InlineData("/api/events?from=2024-02-01&to=2024-01-01", "after")]
    [InlineData("/api/events?actor=US%27%20OR%201=1", "actor")]
    [InlineData("/api/events?dyad=USA", "dyad")]
    [InlineData("/api/events?root=1", "root")]
    [InlineData("/api/events?code=abc", "code")]
    [InlineData("/api/events?qaud=4", "unknown parameter 'qaud'")]
    [InlineData("/api/events?quad=1&quad=2", "more than once")]
    [InlineData("/api/stats?by=year", "by")]
    [InlineData("/api/top/actors?limit=100000", "limit")]
    [InlineData("/api/network?nodes=1", "nodes")]
    [InlineData("/api/places?limit=5001", "limit")]
    [InlineData("/api/events/abc", "event id")]
    [InlineData("/api/document", "id")]
    public async Task Bad_parameters_are_refused_with_a_message(string path, string expected)
    {
        (await GetRefused(path)).ShouldContain(expected);
    }

    [Fact]
    public async Task A_document_id_over_1000_characters_is_refused()
    {
        (await GetRefused("/api/document?id=" + new string('d', 1001))).ShouldContain("at most 1000");
    }

    [Fact]
    public async Task Page_size_is_capped_at_the_maximum()
    {
        var page = await Get("/api/events?limit=500");
        page["limit"]!.GetValue<int>().ShouldBe(500);
        page["items"]!.AsArray().Count.ShouldBeLessThanOrEqualTo(500);
    }

    [Fact]
    public async Task Writes_without_the_token_are_refused()
    {
        var article = new { text = "France condemned the attack.", date = "2024-03-02" };
        var noToken = await Client.PostAsJsonAsync("/api/ingest/article", article);
        noToken.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/ingest/article") { Content = JsonContent.Create(article) };
        wrong.Headers.Authorization = new("Bearer", "not-the-token-at-all");
        (await Client.SendAsync(wrong)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var files = new MultipartFormDataContent { { new StringContent("text"), "files", "a.txt" } };
        (await Client.PostAsync("/api/ingest/files", files)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bad_articles_are_refused_with_a_message()
    {
        using var client = server.AuthorizedClient();
        var noDate = await client.PostAsJsonAsync("/api/ingest/article", new { text = "Some text." });
        noDate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noDate.Content.ReadAsStringAsync()).ShouldContain("date");
        var noText = await client.PostAsJsonAsync("/api/ingest/article", new { date = "2024-01-01", text = " " });
        (await noText.Content.ReadAsStringAsync()).ShouldContain("text");
        var tooBig = await client.PostAsJsonAsync("/api/ingest/article", new { date = "2024-01-01", text = new string('a', 1_000_001) });
        tooBig.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_request_body_over_the_limit_is_refused_with_413()
    {
        // Raw HTTP: the server answers as soon as the declared length is over the limit, and closes the connection,
        // which would cut an HttpClient off while it still sends the body.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.Address.Host, server.Address.Port);
        using var stream = tcp.GetStream();
        var head = $"POST /api/ingest/article HTTP/1.1\r\nHost: {server.Address.Authority}\r\nAuthorization: Bearer {server.Token.Value}\r\n" +
            $"Content-Type: application/json\r\nContent-Length: {WriteEndpoints.MaxUploadBytes + 1}\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head + "{\"text\": \""));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var answer = new System.Text.StringBuilder();
        var buffer = new byte[4096];
        while (!answer.ToString().Contains("too large", StringComparison.Ordinal))
        {
            int read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0) break;
            answer.Append(System.Text.Encoding.UTF8.GetString(buffer, 0, read));
        }
        answer.ToString().ShouldStartWith("HTTP/1.1 413");
        answer.ToString().ShouldContain("too large");
    }

    [Fact]
    public async Task More_files_than_the_limit_are_refused()
    {
        using var client = server.AuthorizedClient();
        using var files = new MultipartFormDataContent();
        for (int i = 0; i <= WriteEndpoints.MaxFiles; i++) files.Add(new StringContent("France condemned the attack."), "files", $"f{i}.txt");
        var response = await client.PostAsync("/api/ingest/files", files);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"at most {WriteEndpoints.MaxFiles} files");
    }

    [Fact]
    public async Task A_pasted_article_is_coded_stored_and_found()
    {
        using var client = server.AuthorizedClient();
        var article = new
        {
            date = "2019-07-04",
            title = "Border talks",
            source = "Test Wire",
            text = "Pakistan accused India of shelling villages along the Line of Control on Wednesday. Pakistani troops fired back, the army said.",
        };
        var response = await client.PostAsJsonAsync("/api/ingest/article", article);
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        response.StatusCode.ShouldBe(HttpStatusCode.OK, report.ToJsonString());
        report["added"]!.GetValue<int>().ShouldBe(1);
        report["mentions"]!.GetValue<int>().ShouldBeGreaterThan(0);
        var docId = report["doc_ids"]!.AsArray()[0]!.GetValue<string>();

        var document = await Get($"/api/document?id={Uri.EscapeDataString(docId)}");
        document["title"]!.GetValue<string>().ShouldBe("Border talks");
        document["events"]!.AsArray().Count.ShouldBe(report["mentions"]!.GetValue<int>());
        var events = await Get("/api/events?from=2019-07-01&to=2019-07-31&limit=50");
        events["items"]!.AsArray().ShouldContain(e => e!["doc_id"]!.GetValue<string>() == docId);

        var again = JsonNode.Parse(await (await client.PostAsJsonAsync("/api/ingest/article", article)).Content.ReadAsStringAsync())!;
        again["added"]!.GetValue<int>().ShouldBe(0);
        again["already_stored"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Uploaded_files_are_read_like_dyad_code_reads_them()
    {
        using var client = server.AuthorizedClient();
        using var files = new MultipartFormDataContent
        {
            { new StringContent("{\"id\":\"upload-1\",\"date\":\"2018-02-02\",\"text\":\"Japan protested to China over the incursion.\"}\n{\"id\":\"upload-2\"}\n"), "files", "batch.jsonl" },
            { new StringContent("2018-02-03"), "date" },
        };
        var response = await client.PostAsync("/api/ingest/files", files);
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        response.StatusCode.ShouldBe(HttpStatusCode.OK, report.ToJsonString());
        report["doc_ids"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldContain("upload-1");
        report["skipped"]!.AsArray().Count.ShouldBe(1);
        (await Get("/api/document?id=upload-1"))["date"]!.GetValue<string>().ShouldBe("2018-02-02");
    }

    [Fact]
    public async Task OpenApi_documents_every_endpoint_and_its_parameters()
    {
        var doc = JsonDocument.Parse(await Client.GetStringAsync("/openapi.json")).RootElement;
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/summary", "/api/events", "/api/stats", "/api/top/actors", "/api/top/dyads", "/api/network", "/api/places", "/api/actors", "/api/events/{id}", "/api/events/{id}/explanation", "/api/document", "/api/ingest/article", "/api/ingest/files" })
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        var parameters = paths.GetProperty("/api/events").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToList();
        parameters.ShouldContain("dyad");
        parameters.ShouldContain("limit");
    }

    [Fact]
    public async Task The_dashboard_and_its_vendored_libraries_are_served()
    {
        (await Client.GetStringAsync("/")).ShouldContain("app.js");
        foreach (var file in new[] { "app.js", "app.css", "vendor/echarts.min.js", "vendor/cytoscape.min.js", "vendor/leaflet.js", "vendor/topojson-client.min.js", "vendor/countries-110m.json" })
            (await Client.GetAsync("/" + file)).StatusCode.ShouldBe(HttpStatusCode.OK, file);
    }
}
