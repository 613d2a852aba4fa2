using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Bot.Connectors.WeChat.Api;

internal static class WeChatHttp
{
    /// <summary>
    /// Posts JSON with a Content-Length rather than chunked, as WeChat's gateway expects, and reads the JSON
    /// answer. A non-2xx status or a body that is not the expected JSON becomes an
    /// <see cref="HttpRequestException"/>, which callers (the outbox) treat as worth retrying.
    /// </summary>
    public static async Task<TResponse> PostAsync<TRequest, TResponse>(
        HttpClient http,
        Uri uri,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, requestType));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await http.PostAsync(uri, content, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, responseType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GETs a JSON answer (WeCom's gettoken), with the same error handling as <see cref="PostAsync"/>.</summary>
    public static async Task<TResponse> GetAsync<TResponse>(
        HttpClient http, Uri uri, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, responseType, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<TResponse> ReadAsync<TResponse>(
        HttpResponseMessage response, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        response.EnsureSuccessStatusCode();
        try
        {
            return await response.Content.ReadFromJsonAsync(responseType, cancellationToken).ConfigureAwait(false)
                ?? throw new HttpRequestException("WeChat answered with an empty body.");
        }
        catch (JsonException ex)
        {
            throw new HttpRequestException("WeChat answered with a body that is not the expected JSON.", ex);
        }
    }
}
