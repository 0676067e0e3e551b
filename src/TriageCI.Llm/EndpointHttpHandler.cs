using TriageCI.Core.Judges.Agent.Chat;

namespace TriageCI.Llm;

/// <summary>
/// Sits under both SDKs' HTTP clients. Turns every answer worth a retry (408, 429, 5xx) and every failure to reach the
/// endpoint into a <see cref="ModelEndpointException"/> carrying the wait the endpoint asked for, so the vendor-neutral
/// retry decorator can honour <c>Retry-After</c>; the SDKs' own retries are off. Adds fixed headers a provider wants.
/// </summary>
public sealed class EndpointHttpHandler : DelegatingHandler
{
    private const int MaxErrorChars = 300;

    private readonly string _provider;
    private readonly IReadOnlyDictionary<string, string> _headers;
    private readonly TimeProvider _time;

    public EndpointHttpHandler(HttpMessageHandler inner, string provider, IReadOnlyDictionary<string, string>? headers = null, TimeProvider? time = null)
        : base(inner)
    {
        _provider = provider;
        _headers = headers ?? new Dictionary<string, string>();
        _time = time ?? TimeProvider.System;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var (name, value) in _headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ModelEndpointException(0, null, $"{_provider} endpoint {request.RequestUri?.GetLeftPart(UriPartial.Authority)} could not be reached: {ex.Message}", ex);
        }

        var status = (int)response.StatusCode;
        if (status is not (408 or 429) && status < 500)
        {
            return response;
        }

        using (response)
        {
            var wait = ModelEndpointException.RetryAfterOf(response.Headers, _time.GetUtcNow());
            string body;
            try
            {
                body = await response.Content.ReadAsStringAsync(cancellationToken);
            }
            catch (HttpRequestException)
            {
                body = string.Empty;
            }

            body = body.ReplaceLineEndings(" ").Trim();
            var detail = body.Length == 0 ? string.Empty : $": {(body.Length > MaxErrorChars ? body[..MaxErrorChars] + "…" : body)}";
            throw new ModelEndpointException(status, wait, $"{_provider} answered {status} {response.ReasonPhrase}{detail}");
        }
    }
}
