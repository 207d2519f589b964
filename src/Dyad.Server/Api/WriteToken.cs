using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Dyad.Server.Api;

/// <summary>
/// The secret a client must send (<c>Authorization: Bearer TOKEN</c>) to write. <c>dyad serve</c> makes a new one at
/// each start and prints it, so only someone who can see the server's console can change the store.
/// </summary>
public sealed class WriteToken
{
    private readonly byte[] _expected;

    public WriteToken(string value)
    {
        if (value.Length < 16) throw new ArgumentException("a write token needs at least 16 characters", nameof(value));
        Value = value;
        _expected = Encoding.UTF8.GetBytes(value);
    }

    public string Value { get; }

    public static WriteToken CreateRandom() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));

    public bool Accepts(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var given = Encoding.UTF8.GetBytes(header[scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, _expected);
    }

    /// <summary>Endpoint filter: 401 unless the request carries the token.</summary>
    internal async ValueTask<object?> Require(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!Accepts(context.HttpContext.Request))
            return Results.Json(new ErrorBody("writing needs the token dyad serve printed at start: send 'Authorization: Bearer TOKEN'"),
                statusCode: StatusCodes.Status401Unauthorized);
        return await next(context);
    }
}
