namespace Bayan.Redirects;

/// <summary>What an old address answers: 301 to <see cref="Moved.Location"/>, or 410.</summary>
public abstract record RedirectAnswer
{
    public sealed record Moved(string Location) : RedirectAnswer;

    public sealed record Gone : RedirectAnswer;
}
