using System.Text;
using System.Text.RegularExpressions;
using TriageCI.Core.IO;

namespace TriageCI.Core.Judges.Agent.Prompting;

/// <summary>
/// Truncates a log with intent rather than by a blind cut: it keeps the lines probes pointed at (pinned) and those
/// around them, the lines that look like errors and their context, the tail (where failures and summaries are) and
/// the head, in that order of priority, within a character budget. Streams: memory holds only what may be kept.
/// </summary>
public static partial class IntentExcerpt
{
    public static async Task<LineExcerpt> FromFileAsync(string path, IReadOnlyCollection<int> pinnedLines, ExcerptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var selector = new Selector(pinnedLines, options);
        await foreach (var line in TextFiles.ReadLinesAsync(path, cancellationToken: cancellationToken))
        {
            selector.Add(line.Number, line.Text);
        }

        return selector.Build();
    }

    public static LineExcerpt FromText(string text, IReadOnlyCollection<int> pinnedLines, ExcerptOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var selector = new Selector(pinnedLines, options);
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            selector.Add(++number, line.TrimEnd('\r'));
        }

        return selector.Build();
    }

    /// <summary>True for a line worth keeping with its context: errors, failures, tracebacks, kills and timeouts.</summary>
    public static bool LooksDecisive(string line) => ErrorLine().IsMatch(line);

    [GeneratedRegex(@"(\b(error|errors|exception|traceback|fail|failed|failure|fatal|panic|assert|assertion|abort(ed)?|killed|denied|refused|timed? ?out|timeout|segmentation fault|core dumped|not found|no such file|cannot|unable to|oom)\b|^E\s{2,}|^(FAILED|ERROR)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ErrorLine();

    private sealed class Selector(IReadOnlyCollection<int> pinned, ExcerptOptions options)
    {
        private readonly HashSet<int> _pinned = [.. pinned ?? []];
        private readonly Dictionary<int, string> _head = [];
        private readonly Queue<(int Number, string Text)> _before = new();
        private readonly Queue<(int Number, string Text)> _tail = new();
        private readonly List<Window> _early = [];
        private readonly Queue<Window> _late = new();
        private Window? _open;
        private int _openAfter;
        private int _total;

        public void Add(int number, string text)
        {
            _total = number;
            text = text.Length > options.MaxLineChars ? string.Concat(text.AsSpan(0, options.MaxLineChars), "…") : text;
            if (number <= options.HeadLines)
            {
                _head[number] = text;
            }

            var isPinned = _pinned.Contains(number);
            var isError = !isPinned && LooksDecisive(text);
            if (isPinned || isError)
            {
                if (_open is null || isPinned && !_open.Pinned)
                {
                    Close();
                    _open = new Window(isPinned);
                    foreach (var (n, t) in _before)
                    {
                        _open.Lines[n] = (t, isPinned ? 1 : 4);
                    }
                }

                _open.Lines[number] = (text, isPinned ? 0 : 3);
                _openAfter = options.ContextLines;
            }
            else if (_open is not null)
            {
                _open.Lines[number] = (text, _open.Pinned ? 1 : 4);
                if (--_openAfter <= 0)
                {
                    Close();
                }
            }

            _before.Enqueue((number, text));
            if (_before.Count > options.ContextLines)
            {
                _before.Dequeue();
            }

            _tail.Enqueue((number, text));
            if (_tail.Count > options.TailLines)
            {
                _tail.Dequeue();
            }
        }

        public LineExcerpt Build()
        {
            Close();
            var candidates = new Dictionary<int, (string Text, double Rank)>();
            void Offer(int number, string text, double rank)
            {
                if (!candidates.TryGetValue(number, out var known) || rank < known.Rank)
                {
                    candidates[number] = (text, rank);
                }
            }

            var windows = _early.Concat(_late).ToList();
            for (var i = 0; i < windows.Count; i++)
            {
                // Errors near the start (the first cause) and near the end (the final failure) come first.
                var order = Math.Min(i, windows.Count - 1 - i) / (double)(windows.Count + 1);
                foreach (var (number, (text, rank)) in windows[i].Lines)
                {
                    Offer(number, text, rank + (windows[i].Pinned ? 0 : order));
                }
            }

            var tail = _tail.ToList();
            for (var i = 0; i < tail.Count; i++)
            {
                var fromEnd = tail.Count - 1 - i;
                Offer(tail[i].Number, tail[i].Text, fromEnd < 5 ? 2 + fromEnd / 10.0 : 5 + fromEnd / (double)(tail.Count + 1));
            }

            foreach (var (number, text) in _head)
            {
                Offer(number, text, 6 + number / (double)(options.HeadLines + 1));
            }

            var chosen = new SortedDictionary<int, string>();
            var used = 0;
            foreach (var (number, (text, _)) in candidates.OrderBy(c => c.Value.Rank).ThenBy(c => c.Key))
            {
                var cost = Line(number, text).Length + GapReserve;
                if (used + cost > options.MaxChars)
                {
                    continue;
                }

                chosen[number] = text;
                used += cost;
            }

            var output = new StringBuilder();
            var previous = 0;
            foreach (var (number, text) in chosen)
            {
                if (number > previous + 1)
                {
                    output.Append(Gap(number - previous - 1));
                }

                output.Append(Line(number, text));
                previous = number;
            }

            if (_total > previous)
            {
                output.Append(Gap(_total - previous));
            }

            return new LineExcerpt(output.ToString(), _total, new SortedSet<int>(chosen.Keys));
        }

        private const int GapReserve = 12;

        private static string Line(int number, string text) => $"{number}: {text}\n";

        private static string Gap(int lines) => lines == 1 ? "[… 1 line omitted …]\n" : $"[… {lines} lines omitted …]\n";

        private void Close()
        {
            if (_open is null)
            {
                return;
            }

            if (_open.Pinned || _early.Count < options.MaxWindows / 2)
            {
                _early.Add(_open);
            }
            else
            {
                _late.Enqueue(_open);
                if (_late.Count > options.MaxWindows - options.MaxWindows / 2)
                {
                    _late.Dequeue();
                }
            }

            _open = null;
        }

        private sealed class Window(bool pinned)
        {
            public bool Pinned { get; } = pinned;

            public Dictionary<int, (string Text, int Rank)> Lines { get; } = [];
        }
    }
}
