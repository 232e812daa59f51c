namespace Bayan.Data;

/// <summary>Column sizes, shared by the model and by input validation so the two never disagree.</summary>
public static class Limits
{
    public const int Language = 16;
    public const int Slug = 200;
    public const int Title = 300;
    public const int Summary = 2_000;
    public const int Url = 2_000;
    public const int Text = 4_000;
    public const int Body = 200_000;
    public const int CommentName = 100;
    public const int Email = 254;
    public const int Telephone = 40;
    public const int Address = 500;
    public const int CommentText = 5_000;
}
