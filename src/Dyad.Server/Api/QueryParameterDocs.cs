using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dyad.Server.Api;

/// <summary>
/// The query parameters one endpoint accepts. The same list validates requests (<see cref="RequestParameters"/>
/// refuses any other name) and documents the endpoint in /openapi.json, so the two cannot drift apart.
/// </summary>
internal sealed record QueryParameterDocs(string[] Names)
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["actor"] = "Source or target actor code prefix (USA matches USAGOV).",
        ["source"] = "Source actor code prefix.",
        ["target"] = "Target actor code prefix.",
        ["dyad"] = "Two actor code prefixes separated by a comma (USA,CHN); events between them in either direction.",
        ["code"] = "CAMEO event code of 2 to 4 digits (exact).",
        ["root"] = "CAMEO root code, two digits.",
        ["quad"] = "Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.",
        ["from"] = "First event date, yyyy-MM-dd.",
        ["to"] = "Last event date, yyyy-MM-dd.",
        ["text"] = "Words that must all appear in the evidence sentence.",
        ["offset"] = "Events to skip (paging).",
        ["limit"] = "Most items to return; each endpoint caps it.",
        ["by"] = "Time bucket: day, week or month.",
        ["nodes"] = "Most actors in the network (the busiest).",
        ["prefix"] = "Actor code prefix to complete.",
        ["id"] = "Document id.",
    };

    public static string Describe(string name) => Descriptions.GetValueOrDefault(name, name);
}

internal static class QueryParameterDocsExtensions
{
    public static RouteHandlerBuilder WithQueryParameters(this RouteHandlerBuilder builder, string[] names) =>
        builder.WithMetadata(new QueryParameterDocs(names));

    /// <summary>Adds each endpoint's <see cref="QueryParameterDocs"/> to its OpenAPI operation.</summary>
    public static OpenApiOptions AddQueryParameterDocs(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            var docs = context.Description.ActionDescriptor.EndpointMetadata.OfType<QueryParameterDocs>().FirstOrDefault();
            if (docs is null) return Task.CompletedTask;
            operation.Parameters ??= [];
            foreach (var name in docs.Names)
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Query,
                    Required = false,
                    Description = QueryParameterDocs.Describe(name),
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            return Task.CompletedTask;
        });
}
