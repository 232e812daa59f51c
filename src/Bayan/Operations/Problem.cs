namespace Bayan.Operations;

/// <summary>A problem with what someone asked for: a message key of the catalogue and its arguments, so each reader gets it in their language.</summary>
public sealed record Problem(string Key, params object[] Args)
{
    public string In(string language) => Localization.Messages.Format(language, Key, Args);
}
