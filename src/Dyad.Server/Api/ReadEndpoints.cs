using Dyad.Server.Queries;
using Dyad.Store.Query;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Dyad.Server.Api;

/// <summary>The read-only JSON API: open to any client on the bound address.</summary>
internal static class ReadEndpoints
{
    public const int MaxEventPage = 500;
    public const int DefaultEventPage = 50;
    public const int MaxTopItems = 200;
    public const int MaxNetworkNodes = 300;
    public const int MaxPlaces = 5000;
    /// <summary>
    /// A deep offset sorts every match (over 10 s at offset 900,000 of a million events on a loaded machine); past
    /// this a narrower filter (dates, actors) is the better tool.
    /// </summary>
    public const int MaxOffset = 10_000;

    public static void Map(IEndpointRouteBuilder app, EventExplanations? explanations)
    {
        var api = app.MapGroup("/api").WithTags("read")
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(ErrorBody), ["application/json"]));

        api.MapGet("/summary", (DashboardData data) => data.Summary())
            .WithSummary("Counts of events, mentions and documents, and the date range of the store.");

        string[] events = RequestParameters.FiltersAnd("offset", "limit");
        api.MapGet("/events", (HttpRequest request, DashboardData data) =>
        {
            var p = new RequestParameters(request.Query, events);
            return data.Events(p.Filters(), p.Int("offset", 0, 0, MaxOffset), p.Int("limit", DefaultEventPage, 1, MaxEventPage));
        }).WithQueryParameters(events).WithSummary($"Deduplicated events matching the filters, newest first; at most {MaxEventPage} a page.");

        string[] stats = RequestParameters.FiltersAnd("by");
        api.MapGet("/stats", (HttpRequest request, DashboardData data) =>
        {
            var p = new RequestParameters(request.Query, stats);
            return data.Series(p.Filters(), p.Bucket("by"));
        }).WithQueryParameters(stats).WithSummary("Events per day, week or month: counts by quad class, summed and mean Goldstein.");

        string[] top = RequestParameters.FiltersAnd("limit");
        api.MapGet("/top/actors", (HttpRequest request, DashboardData data) =>
        {
            var p = new RequestParameters(request.Query, top);
            return data.TopActors(p.Filters(), p.Int("limit", 20, 1, MaxTopItems));
        }).WithQueryParameters(top).WithSummary("Actors in the most events, as source or target.");

        api.MapGet("/top/dyads", (HttpRequest request, DashboardData data) =>
        {
            var p = new RequestParameters(request.Query, top);
            return data.TopDyads(p.Filters(), p.Int("limit", 20, 1, MaxTopItems));
        }).WithQueryParameters(top).WithSummary("Directed source-target pairs with the most events, with quad counts and mean Goldstein.");

        string[] network = RequestParameters.FiltersAnd("nodes");
        api.MapGet("/network", (HttpRequest request, DashboardData data) =>
        {
            var p = new RequestParameters(request.Query, network);
            return data.Network(p.Filters(), p.Int("nodes", 50, 2, MaxNetworkNodes));
        }).WithQueryParameters(network).WithSummary("The busiest actors as nodes; edges weighted by event count, one per direction and quad class.");

        string[] places = RequestParameters.FiltersAnd("limit");
        api.MapGet("/places", (HttpRequest request, DashboardData data) =>
        {
            var p = new RequestParameters(request.Query, places);
            return data.Places(p.Filters(), p.Int("limit", 1000, 1, MaxPlaces));
        }).WithQueryParameters(places).WithSummary("Event locations with coordinates and counts by quad class.");

        string[] actors = ["prefix", "limit"];
        api.MapGet("/actors", (HttpRequest request, DashboardData data) =>
        {
            var p = new RequestParameters(request.Query, actors);
            return data.Actors(p.ActorCode("prefix") ?? "", p.Int("limit", 20, 1, MaxTopItems));
        }).WithQueryParameters(actors).WithSummary("Actor codes starting with a prefix, busiest first (for pickers).");

        api.MapGet("/events/{id}", (string id, DashboardData data) =>
        {
            long eventId = EventId(id);
            return data.Event(eventId) is { } detail
                ? Results.Ok(detail)
                : Results.NotFound(new ErrorBody($"no event {eventId}"));
        }).Produces<EventDetail>().Produces<ErrorBody>(StatusCodes.Status404NotFound)
          .WithSummary("One event: its coding, evidence (rule) and every mention across outlets.");

        api.MapGet("/events/{id}/explanation", (string id) =>
        {
            long eventId = EventId(id);
            if (explanations is null) throw new BadRequestException("this server was started without the coding pipeline, which explanations need");
            return explanations.Explain(eventId) is { } explanation
                ? Results.Ok(explanation)
                : Results.NotFound(new ErrorBody($"no event {eventId}"));
        }).Produces<EventExplanation>().Produces<ErrorBody>(StatusCodes.Status404NotFound)
          .WithSummary("How one event was coded: its rule, the dependency path from source to target and each decision (its first document coded again with explanations).");

        string[] document = ["id"];
        api.MapGet("/document", (HttpRequest request, DashboardData data) =>
        {
            var p = new RequestParameters(request.Query, document);
            var id = p.Text("id") ?? throw new BadRequestException("'id' (the document id) is required");
            if (id.Length > 1000) throw new BadRequestException("'id' must be at most 1000 characters");
            return data.Document(id) is { } detail
                ? Results.Ok(detail)
                : Results.NotFound(new ErrorBody($"no document '{id}'"));
        }).WithQueryParameters(document).Produces<DocumentDetail>().Produces<ErrorBody>(StatusCodes.Status404NotFound)
          .WithSummary("One document: its text, sentence spans, every coded event, named entity (PER/ORG/LOC with its actor code) and quote (with its speaker), marked by offsets.");
    }

    private static long EventId(string id) =>
        long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long eventId)
            ? eventId
            : throw new BadRequestException($"event id must be a non-negative whole number, not '{id}'");
}
