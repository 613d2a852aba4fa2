using System.Text.Json.Nodes;

namespace Bot.TestSupport.WeChat;

/// <summary>The customer-service message endpoint: recording, forced failures and waiting for deliveries.</summary>
public sealed partial class FakeWeChatApi
{
    /// <summary>Customer-service messages accepted (errcode 0), in arrival order.</summary>
    public IReadOnlyList<(string OpenId, string Text)> CustomSends => Locked(() => _customSends.Select(s => (s.OpenId, s.Text)).ToList());

    public IReadOnlyList<FakeCustomSend> AcceptedCustomSends => Locked(() => _customSends.ToList());

    /// <summary>Every call to the custom-send endpoint, accepted or not.</summary>
    public int CustomSendAttempts => CallsTo(CustomSendPath).Count;

    /// <summary>The next <paramref name="count"/> custom sends are refused with <paramref name="errCode"/>.</summary>
    public void FailNextCustomSend(int errCode, int count = 1, string errMsg = "fake failure")
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _sendFailures.Enqueue((errCode, errMsg));
            }
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> custom sends were accepted.</summary>
    public async Task WaitForCustomSendsAsync(int count, TimeSpan timeout)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (_customSends.Count >= count)
            {
                return;
            }

            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _sendWaiters.Add((count, signal));
        }

        try
        {
            await signal.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var sends = string.Join("; ", CustomSends.Select(s => $"{s.OpenId}: {s.Text}"));
            throw new TimeoutException($"Expected {count} custom sends within {timeout}, got {CustomSends.Count}: [{sends}]");
        }
    }

    private JsonObject AcceptCustomSend(FakeApiCall call)
    {
        lock (_gate)
        {
            if (_sendFailures.TryDequeue(out var failure))
            {
                return Error(failure.ErrCode, failure.ErrMsg);
            }
        }

        var tokenError = CheckToken(call.AccessToken);
        if (tokenError != 0)
        {
            return Error(tokenError, "access_token invalid or expired");
        }

        if (call.Json is not JsonObject body || body["touser"]?.GetValue<string>() is not { Length: > 0 } openId)
        {
            return Error(40003, "invalid openid");
        }

        var msgType = body["msgtype"]?.GetValue<string>() ?? string.Empty;
        var text = msgType == "news"
            ? body["news"]?["articles"]?[0]?["title"]?.GetValue<string>()
            : body["text"]?["content"]?.GetValue<string>();
        lock (_gate)
        {
            _customSends.Add(new FakeCustomSend(openId, msgType, text ?? string.Empty, body));
            foreach (var waiter in _sendWaiters.Where(w => _customSends.Count >= w.Count).ToList())
            {
                _sendWaiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }

        return Error(0, "ok");
    }
}
