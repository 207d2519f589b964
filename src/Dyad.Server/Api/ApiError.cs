namespace Dyad.Server.Api;

/// <summary>A request the API refuses, with the message the client sees (as JSON <c>{"error": ...}</c>).</summary>
internal sealed class BadRequestException(string message) : Exception(message);

internal sealed record ErrorBody(string Error);
