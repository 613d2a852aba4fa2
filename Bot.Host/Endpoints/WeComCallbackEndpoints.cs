using Bot.Connectors.WeCom;
using Bot.Connectors.WeCom.Callback;
using Bot.Host.WeChat;
using Microsoft.Extensions.Options;

namespace Bot.Host.Endpoints;

public static class WeComCallbackEndpoints
{
    /// <summary>Maps <c>GET /wecom</c> (URL verification) and <c>POST /wecom</c> (messages and events).</summary>
    public static IEndpointRouteBuilder MapWeComCallback(this IEndpointRouteBuilder app)
    {
        app.MapGet("/wecom", (HttpRequest request, WeComCallbackProcessor processor) => ToResult(processor.VerifyUrl(Query(request))));
        app.MapPost("/wecom", PostAsync);
        return app;
    }

    private static async Task<IResult> PostAsync(
        HttpRequest request, WeComCallbackProcessor processor, IOptions<WeComOptions> options, CancellationToken cancellationToken)
    {
        var query = Query(request);
        if (processor.CheckQuery(query) is { } refusal)
        {
            return ToResult(refusal);
        }

        var limit = options.Value.MaxBodyBytes;
        var body = await BoundedBody.ReadAsync(request, limit, cancellationToken);
        return body is null
            ? ToResult(WeComCallbackResult.Refuse(StatusCodes.Status413PayloadTooLarge, $"Body larger than {limit} bytes."))
            : ToResult(await processor.ProcessAsync(query, body, cancellationToken));
    }

    /// <summary>The query as ASP.NET decoded it — once, which is what the signature covers; never decoded again.</summary>
    private static WeComQuery Query(HttpRequest request)
    {
        var q = request.Query;
        return new WeComQuery(q["msg_signature"], q["timestamp"], q["nonce"], q["echostr"]);
    }

    private static IResult ToResult(WeComCallbackResult result) => result.IsRefusal
        ? Results.Problem(title: "企业微信回调被拒绝", detail: result.Body, statusCode: result.Status)
        : Results.Text(result.Body, result.ContentType, statusCode: result.Status);
}
