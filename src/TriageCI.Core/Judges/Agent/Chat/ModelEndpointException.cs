using System.Globalization;
using System.Net.Http.Headers;

namespace TriageCI.Core.Judges.Agent.Chat;

/// <summary>
/// A model endpoint answered with an error status. Provider adapters raise this for every status worth a retry, with
/// the wait the endpoint asked for, so the retry decorator can honour it without knowing the vendor.
/// </summary>
public sealed class ModelEndpointException : Exception
{
    public ModelEndpointException()
    {
    }

    public ModelEndpointException(string message)
        : base(message)
    {
    }

    public ModelEndpointException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="statusCode">The HTTP status; 0 when no answer came (connection refused, reset, DNS).</param>
    /// <param name="retryAfter">The wait the endpoint asked for.</param>
    /// <param name="message">What happened, without the request body.</param>
    /// <param name="innerException">The transport's exception, where there was one.</param>
    public ModelEndpointException(int statusCode, TimeSpan? retryAfter, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status; 0 when the endpoint could not be reached.</summary>
    public int StatusCode { get; }

    /// <summary>How long the endpoint asked the client to wait (<c>Retry-After</c> or <c>retry-after-ms</c>).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Unreachable endpoints, rate limits, timeouts, overload and server errors pass; anything else is the request's fault.</summary>
    public bool IsTransient => StatusCode is 0 or 408 or 429 || StatusCode >= 500;

    /// <summary>
    /// The wait an HTTP response asks for: <c>retry-after-ms</c> (OpenAI), else <c>Retry-After</c> as seconds or as an
    /// HTTP date relative to <paramref name="now"/>.
    /// </summary>
    public static TimeSpan? RetryAfterOf(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.TryGetValues("retry-after-ms", out var milliseconds)
            && double.TryParse(milliseconds.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        if (headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta;
            }

            if (retryAfter.Date is { } date)
            {
                var wait = date - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
        }

        return null;
    }
}
