using Bot.Connectors.WeCom;
using Bot.Connectors.WeCom.Callback;
using Microsoft.Extensions.Options;

namespace Bot.Host.Endpoints;

public static class WeComCallbackEndpoints
{
    private const string Refused = "企业微信回调被拒绝";

    /// <summary>Maps <c>GET /wecom</c> (URL verification) and <c>POST /wecom</c> (messages and events).</summary>
    public static IEndpointRouteBuilder MapWeComCallback(this IEndpointRouteBuilder app)
    {
        app.MapGet("/wecom", (HttpRequest request, WeComCallbackProcessor processor) =>
            WeComCallbackHttp.ToResult(processor.VerifyUrl(WeComCallbackHttp.Query(request)), Refused));
        app.MapPost("/wecom", (HttpRequest request, WeComCallbackProcessor processor, IOptions<WeComOptions> options, CancellationToken cancellationToken) =>
            WeComCallbackHttp.PostAsync(request, q => processor.CheckQuery(q), processor.ProcessAsync, options.Value.MaxBodyBytes, Refused, cancellationToken));
        return app;
    }
}
