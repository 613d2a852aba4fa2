using Bot.Connectors.Storage;
using Bot.Connectors.WeChat;
using Bot.Connectors.WeChat.Xml;
using Bot.Host.Intake;
using Bot.Host.WeChat;
using Microsoft.Extensions.Options;

namespace Bot.Host.Endpoints;

public static class WeChatCallbackEndpoints
{
    /// <summary>WeChat's answer meaning "received, no reply"; it then stops retrying.</summary>
    private const string Success = "success";

    /// <summary>Maps <c>GET /wechat</c> (server verification) and <c>POST /wechat</c> (messages and events).</summary>
    public static IEndpointRouteBuilder MapWeChatCallback(this IEndpointRouteBuilder app)
    {
        app.MapGet("/wechat", (HttpRequest request, WeChatCallbackHandler handler) => handler.Verify(WeChatQuery.From(request)));
        app.MapPost("/wechat", PostAsync);
        return app;
    }

    private static async Task<IResult> PostAsync(
        HttpRequest request,
        WeChatCallbackHandler handler,
        MessageIntake intake,
        WeChatReplyRenderer renderer,
        TemplateDeliveryLog deliveries,
        IOptions<WeChatOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var query = WeChatQuery.From(request);
        var verified = await handler.ReadAsync(request, query, cancellationToken);
        if (verified.Refusal is not null)
        {
            return verified.Refusal;
        }

        var settings = options.Value;
        WeChatInbound inbound;
        try
        {
            inbound = WeChatMessageMapper.Map(verified.Message!, AccountScope(settings), clock.GetUtcNow());
        }
        catch (WeChatFormatException ex)
        {
            return Results.Problem(title: "微信回调被拒绝", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        var message = inbound.Message;
        if (string.Equals(message.EventName, "TEMPLATESENDJOBFINISH", StringComparison.OrdinalIgnoreCase))
        {
            await deliveries.RecordAsync(message.MessageKey, message.UserId,
                inbound.Fields.GetValueOrDefault("MsgID") ?? inbound.Fields.GetValueOrDefault("MsgId") ?? string.Empty,
                inbound.Fields.GetValueOrDefault("Status") ?? string.Empty, cancellationToken);
            return Results.Text(Success);
        }

        var result = await intake.SubmitAsync(message, ChannelPolicies.WeChat, TimeSpan.FromMilliseconds(settings.ReplyBudgetMs), cancellationToken);
        if (result.Outcome == IntakeOutcome.Unavailable)
        {
            return IntakeHttp.Unavailable(request.HttpContext.Response);
        }

        if (result.Replies.Count == 0)
        {
            return Results.Text(Success);
        }

        var xml = renderer.Render(result.Replies[0], message.UserId, inbound.ToUserName, verified.ReplyKey);
        return Results.Text(xml, "application/xml; charset=utf-8");
    }

    /// <summary>Scopes dedupe keys to the account; in plain mode without an app id the account is still one.</summary>
    private static string AccountScope(WeChatOptions settings) =>
        string.IsNullOrEmpty(settings.AppId) ? "wechat" : settings.AppId;
}
