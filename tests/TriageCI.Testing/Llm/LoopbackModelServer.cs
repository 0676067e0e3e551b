using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TriageCI.Testing.Llm;

/// <summary>
/// A real HTTP server on 127.0.0.1 (a free port) that answers like a model provider, from a script: each request is
/// recorded verbatim and answered by the responder. Requests are handled one at a time, in arrival order.
/// </summary>
public sealed class LoopbackModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<RecordedRequest> _requests = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    private LoopbackModelServer(WebApplication app) => _app = app;

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<LoopbackModelServer> StartAsync(Func<RecordedRequest, ScriptedResponse> respond)
    {
        ArgumentNullException.ThrowIfNull(respond);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackModelServer(app);
        app.Run(context => server.HandleAsync(context, respond));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>A responder that answers each request with the next response in order, and 599 when they run out.</summary>
    public static Func<RecordedRequest, ScriptedResponse> Queue(params ScriptedResponse[] responses)
    {
        var queue = new Queue<ScriptedResponse>(responses);
        return _ =>
        {
            lock (queue)
            {
                return queue.Count > 0 ? queue.Dequeue() : ScriptedResponse.Error(599, "{\"error\":\"the script has no more responses\"}");
            }
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _gate.Dispose();
    }

    private async Task HandleAsync(HttpContext context, Func<RecordedRequest, ScriptedResponse> respond)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var request = new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body);
        ScriptedResponse response;
        await _gate.WaitAsync(context.RequestAborted);
        try
        {
            lock (_requests)
            {
                _requests.Add(request);
            }

            response = respond(request);
        }
        finally
        {
            _gate.Release();
        }

        if (response.Hold is { } hold)
        {
            try
            {
                await hold.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Events is { } events)
        {
            context.Response.ContentType = "text/event-stream";
            foreach (var data in events)
            {
                await context.Response.WriteAsync($"data: {data}\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }

            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }
}
