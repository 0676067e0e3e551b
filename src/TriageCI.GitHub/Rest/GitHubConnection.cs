using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace TriageCI.GitHub.Rest;

/// <summary>
/// The HTTP core of the GitHub client: authentication, JSON, <c>Link</c> pagination, rate limits and typed errors.
/// <list type="bullet">
/// <item>Primary limit (<c>x-ratelimit-remaining: 0</c>): waits until <c>x-ratelimit-reset</c>, also before the next request once a response says the budget is spent.</item>
/// <item>Secondary limit: waits <c>Retry-After</c> seconds, or one minute doubling on each repeat when GitHub sends none.</item>
/// <item>Writes (POST, PATCH, PUT, DELETE) are spaced at least <see cref="GitHubConnectionOptions.WriteSpacing"/> apart.</item>
/// <item>5xx: GET and PATCH are tried again; POST is not, so a create is never sent twice.</item>
/// </list>
/// Waits go through <see cref="IGitHubClock"/>. Thread-safe.
/// </summary>
public sealed class GitHubConnection : IDisposable
{
    private const int MaxErrorBodyChars = 64 * 1024;

    private readonly HttpClient _http;
    private readonly IGitHubClock _clock;
    private readonly Uri _apiBase;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private DateTimeOffset _lastWrite = DateTimeOffset.MinValue;
    private DateTimeOffset? _primaryResetAt;

    public GitHubConnection(HttpClient http, GitHubConnectionOptions options, IGitHubClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        Options = options;
        _clock = clock ?? SystemGitHubClock.Instance;
        _apiBase = new Uri(options.ApiUrl.TrimEnd('/') + "/", UriKind.Absolute);
    }

    public GitHubConnectionOptions Options { get; }

    /// <summary>Releases the write gate; the <see cref="HttpClient"/> belongs to the caller.</summary>
    public void Dispose() => _writeGate.Dispose();

    public async Task<T> GetAsync<T>(string route, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, Resolve(route), null, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    /// <summary>Every item of a list, following <c>rel="next"</c> links page by page (100 items a page).</summary>
    public async IAsyncEnumerable<T> GetAllAsync<T>(string route, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var separator = route.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        Uri? next = Resolve($"{route}{separator}per_page=100");
        for (var page = 0; next is not null; page++)
        {
            if (page >= Options.MaxPages)
            {
                throw new InvalidOperationException($"GET {Resolve(route).PathAndQuery}: more than {Options.MaxPages} pages; stopped following the Link header.");
            }

            List<T> items;
            using (var response = await SendAsync(HttpMethod.Get, next, null, cancellationToken))
            {
                items = await ReadAsync<List<T>>(response, cancellationToken);
                next = NextPage(response, next);
            }

            foreach (var item in items)
            {
                yield return item;
            }
        }
    }

    public async Task<T> PostAsync<T>(string route, object body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, Resolve(route), body, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    public async Task<T> PatchAsync<T>(string route, object body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Patch, Resolve(route), body, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private Uri Resolve(string route) => new(_apiBase, route.TrimStart('/'));

    /// <summary>The next page, which must stay on the API's own host: the token is never sent anywhere else.</summary>
    private Uri? NextPage(HttpResponseMessage response, Uri current)
    {
        if (!response.Headers.TryGetValues("Link", out var values) || LinkHeader.Find(values, "next") is not { } link)
        {
            return null;
        }

        var next = new Uri(current, link);
        return Uri.Compare(next, _apiBase, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            ? next
            : throw new InvalidOperationException($"GET {current.PathAndQuery}: the next page is on another host ({next.Host}); not following it.");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, object? body, CancellationToken cancellationToken)
    {
        var isWrite = method != HttpMethod.Get && method != HttpMethod.Head;
        var request = $"{method} {url.PathAndQuery}";
        var rateLimitRetries = 0;
        var serverRetries = 0;
        var secondaryBackoff = Options.SecondaryLimitBackoff;
        while (true)
        {
            await WaitForPrimaryResetAsync(request, cancellationToken);
            HttpResponseMessage response;
            if (isWrite)
            {
                await _writeGate.WaitAsync(cancellationToken);
                try
                {
                    var since = _clock.UtcNow - _lastWrite;
                    if (since < Options.WriteSpacing)
                    {
                        await _clock.WaitAsync(Options.WriteSpacing - since, cancellationToken);
                    }

                    response = await SendOnceAsync(method, url, body, cancellationToken);
                    _lastWrite = _clock.UtcNow;
                }
                finally
                {
                    _writeGate.Release();
                }
            }
            else
            {
                response = await SendOnceAsync(method, url, body, cancellationToken);
            }

            RememberPrimaryLimit(response);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                var error = await ReadErrorAsync(response, cancellationToken);
                if (RateLimitWait(response, error.Message, ref secondaryBackoff) is { } wait)
                {
                    if (wait > Options.MaxRateLimitWait)
                    {
                        throw new GitHubRateLimitException(response.StatusCode, request, error.Message, wait);
                    }

                    if (rateLimitRetries++ >= Options.MaxRateLimitRetries)
                    {
                        throw new GitHubRateLimitException(response.StatusCode, request, error.Message, null);
                    }

                    await _clock.WaitAsync(wait, cancellationToken);
                    continue;
                }

                var idempotent = method == HttpMethod.Get || method == HttpMethod.Patch || method == HttpMethod.Put || method == HttpMethod.Delete;
                if ((int)response.StatusCode >= 500 && idempotent && serverRetries < Options.MaxServerErrorRetries)
                {
                    await _clock.WaitAsync(TimeSpan.FromSeconds(Math.Pow(2, serverRetries++)), cancellationToken);
                    continue;
                }

                throw error.ToException(response.StatusCode, request);
            }
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri url, object? body, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(method, url);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Options.Token);
        message.Headers.UserAgent.ParseAdd(Options.UserAgent);
        message.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        if (body is not null)
        {
            message.Content = JsonContent.Create(body, body.GetType(), options: GitHubJson.Options);
        }

        return await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private async Task WaitForPrimaryResetAsync(string request, CancellationToken cancellationToken)
    {
        if (_primaryResetAt is not { } reset)
        {
            return;
        }

        var wait = reset - _clock.UtcNow;
        if (wait <= TimeSpan.Zero)
        {
            _primaryResetAt = null;
            return;
        }

        if (wait > Options.MaxRateLimitWait)
        {
            throw new GitHubRateLimitException(HttpStatusCode.Forbidden, request, "the primary rate limit is spent", wait);
        }

        await _clock.WaitAsync(wait, cancellationToken);
        _primaryResetAt = null;
    }

    private void RememberPrimaryLimit(HttpResponseMessage response)
    {
        if (Header(response, "x-ratelimit-remaining") == "0" && ResetTime(response) is { } reset)
        {
            _primaryResetAt = reset;
        }
    }

    /// <summary>How long to wait before trying again, or null when the answer is no rate limit.</summary>
    private TimeSpan? RateLimitWait(HttpResponseMessage response, string? message, ref TimeSpan secondaryBackoff)
    {
        var status = (int)response.StatusCode;
        if (status is not (403 or 429))
        {
            return null;
        }

        if (Header(response, "retry-after") is { } retryAfter && int.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (Header(response, "x-ratelimit-remaining") == "0" && ResetTime(response) is { } reset)
        {
            _primaryResetAt = null;
            var untilReset = reset - _clock.UtcNow + TimeSpan.FromSeconds(1);
            return untilReset > TimeSpan.Zero ? untilReset : TimeSpan.FromSeconds(1);
        }

        if (status == 429 || (message?.Contains("rate limit", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            var wait = secondaryBackoff;
            secondaryBackoff *= 2;
            return wait;
        }

        return null;
    }

    private static DateTimeOffset? ResetTime(HttpResponseMessage response) =>
        Header(response, "x-ratelimit-reset") is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
            ? DateTimeOffset.FromUnixTimeSeconds(epoch)
            : null;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var request = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}";
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync<T>(stream, GitHubJson.Options, cancellationToken)
                ?? throw new GitHubApiException(response.StatusCode, request, "the answer was JSON null");
        }
        catch (JsonException ex)
        {
            throw new GitHubApiException(response.StatusCode, request, $"the answer is not the JSON expected ({ex.Message})", inner: ex);
        }
    }

    private static async Task<ErrorBody> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            return new ErrorBody(null, null, []);
        }

        if (text.Length > MaxErrorBodyChars)
        {
            text = text[..MaxErrorBodyChars];
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ErrorBody(null, null, []);
            }

            var errors = new List<GitHubValidationError>();
            if (root.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in list.EnumerateArray())
                {
                    errors.Add(entry.ValueKind == JsonValueKind.Object
                        ? new GitHubValidationError(Text(entry, "resource"), Text(entry, "field"), Text(entry, "code"), Text(entry, "message"))
                        : new GitHubValidationError(null, null, null, entry.ToString()));
                }
            }

            return new ErrorBody(Text(root, "message"), Text(root, "documentation_url"), errors);
        }
        catch (JsonException)
        {
            // A proxy's HTML error page: keep its first line as the message.
            var firstLine = text.Split('\n', 2)[0].Trim();
            return new ErrorBody(firstLine.Length > 200 ? firstLine[..200] : firstLine, null, []);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record ErrorBody(string? Message, string? DocumentationUrl, IReadOnlyList<GitHubValidationError> Errors)
    {
        public GitHubApiException ToException(HttpStatusCode status, string request) => (int)status switch
        {
            401 => new GitHubAuthenticationException(request, Message, DocumentationUrl),
            403 => new GitHubForbiddenException(request, Message, DocumentationUrl),
            404 => new GitHubNotFoundException(request, Message, DocumentationUrl),
            422 => new GitHubValidationException(request, Message, Errors, DocumentationUrl),
            >= 500 => new GitHubServerException(status, request, Message),
            _ => new GitHubApiException(status, request, Message, DocumentationUrl),
        };
    }
}
