using Bot.Connectors.WeCom.Callback;
using Bot.Host.WeChat;

namespace Bot.Host.Endpoints;

/// <summary>The HTTP side both WeCom callbacks share: the query, the bounded body, and how a result is written.</summary>
internal static class WeComCallbackHttp
{
    /// <summary>The query as ASP.NET decoded it — once, which is what the signature covers; never decoded again.</summary>
    public static WeComQuery Query(HttpRequest request)
    {
        var q = request.Query;
        return new WeComQuery(q["msg_signature"], q["timestamp"], q["nonce"], q["echostr"]);
    }

    /// <summary>Checks the query before reading the body (so a refused request costs no upload), then processes it.</summary>
    public static async Task<IResult> PostAsync(
        HttpRequest request,
        Func<WeComQuery, WeComCallbackResult?> check,
        Func<WeComQuery, string, CancellationToken, Task<WeComCallbackResult>> process,
        int maxBodyBytes,
        string refusedTitle,
        CancellationToken cancellationToken)
    {
        var query = Query(request);
        if (check(query) is { } refusal)
        {
            return ToResult(refusal, refusedTitle);
        }

        var body = await BoundedBody.ReadAsync(request, maxBodyBytes, cancellationToken);
        return body is null
            ? ToResult(WeComCallbackResult.Refuse(StatusCodes.Status413PayloadTooLarge, $"Body larger than {maxBodyBytes} bytes."), refusedTitle)
            : ToResult(await process(query, body, cancellationToken), refusedTitle);
    }

    public static IResult ToResult(WeComCallbackResult result, string refusedTitle) => result.IsRefusal
        ? Results.Problem(title: refusedTitle, detail: result.Body, statusCode: result.Status)
        : Results.Text(result.Body, result.ContentType, statusCode: result.Status);
}
