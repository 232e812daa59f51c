namespace Bayan.Redirects;

/// <summary>What an imported item's old addresses answer; an administrator changes it on the redirects page.</summary>
public enum ImportedRedirect
{
    /// <summary>301 to the item's page, while it is there (410 once it was deleted).</summary>
    Active = 0,

    /// <summary>410: the administrator says the item is gone for good.</summary>
    Gone = 1,

    /// <summary>Not answered: the old address is a plain 404 (or whatever a redirect made by hand says).</summary>
    Removed = 2,
}
