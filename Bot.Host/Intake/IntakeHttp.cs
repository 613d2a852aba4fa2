using System.Globalization;

namespace Bot.Host.Intake;

/// <summary>How HTTP intakes answer a message the database could not store.</summary>
public static class IntakeHttp
{
    /// <summary>Seconds a sender is asked to wait; WeChat retries on its own schedule, other clients may honour it.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>503 with Retry-After: the message was not stored, so the sender's retry is what keeps it from being lost.</summary>
    public static IResult Unavailable(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(title: "系统暂时无法受理", detail: "数据库暂时不可用，消息未保存，请稍后重试。", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
