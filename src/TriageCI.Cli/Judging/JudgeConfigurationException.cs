namespace TriageCI.Cli.Judging;

/// <summary>The judge options and environment do not make a judge; the message says what to change.</summary>
internal sealed class JudgeConfigurationException : Exception
{
    public JudgeConfigurationException()
    {
    }

    public JudgeConfigurationException(string message)
        : base(message)
    {
    }

    public JudgeConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
