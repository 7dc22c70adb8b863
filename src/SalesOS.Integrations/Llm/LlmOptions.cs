namespace SalesOS.Integrations.Llm;

/// <summary>
/// An Azure OpenAI deployment. The key comes from configuration or the environment
/// (<c>SalesOS__Llm__ApiKey</c>), never from committed files. Without endpoint, deployment and key (or with
/// Enabled = false) SalesOS uses its offline defaults.
/// </summary>
public sealed class LlmOptions
{
    public const string SectionName = "SalesOS:Llm";

    /// <summary>The resource's endpoint, e.g. https://my-resource.openai.azure.com/.</summary>
    public string? Endpoint { get; set; }

    public string? Deployment { get; set; }

    public string? ApiKey { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>How long one rewrite or classification may take, retries included; past it the caller gets its fallback.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a throttled or failed call inside <see cref="Timeout"/>.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>What the deployment charges per million prompt tokens (in the workspace's currency).</summary>
    public decimal CostPerMillionInputTokens { get; set; }

    public decimal CostPerMillionOutputTokens { get; set; }

    public int MaxOutputTokens { get; set; } = 800;

    public bool IsConfigured =>
        Enabled
        && Uri.TryCreate(Endpoint, UriKind.Absolute, out _)
        && !string.IsNullOrWhiteSpace(Deployment)
        && !string.IsNullOrWhiteSpace(ApiKey);

    public string ModelName => "llm:" + Deployment;

    public decimal CostOf(long? inputTokens, long? outputTokens) =>
        ((inputTokens ?? 0) * CostPerMillionInputTokens + (outputTokens ?? 0) * CostPerMillionOutputTokens) / 1_000_000m;
}
