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

    public ModelEndpointException(int statusCode, TimeSpan? retryAfter, string message)
        : base(message)
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public int StatusCode { get; }

    /// <summary>How long the endpoint asked the client to wait (<c>Retry-After</c> or <c>retry-after-ms</c>).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Rate limits, timeouts, overload and server errors pass; anything else is the request's fault.</summary>
    public bool IsTransient => StatusCode is 408 or 429 || StatusCode >= 500;

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
